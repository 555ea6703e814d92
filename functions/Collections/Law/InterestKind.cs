namespace Collections.Law;

public enum InterestKind
{
    /// <summary><i>Wettelijke rente</i> (art. 6:119 BW): consumers and other non-commercial claims.</summary>
    Consumer,

    /// <summary><i>Wettelijke handelsrente</i> (art. 6:119a BW): claims between businesses.</summary>
    Commercial,
}
