namespace Collections.Privacy;

/// <summary>How much of a closed invoice's personal data is removed (docs/privacy.md).</summary>
public enum RedactionLevel
{
    /// <summary>Call notes, dispute and hardship reasons, staff notes; and the workflow's history, which holds copies of them.</summary>
    Notes,

    /// <summary>Everything personal; only the proof stays: invoice number, amounts, dates, which messages were sent when, payments.</summary>
    PersonalData,
}
