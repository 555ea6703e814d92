namespace Collections.Web.DebtorPages;

/// <summary>The debtor page's answers: each is a form posting to <c>/debtor/{invoice}/{action}</c>.</summary>
internal static class DebtorActions
{
    public const string Paid = "paid";
    public const string Plan = "plan";
    public const string Problem = "problem";
    public const string Callback = "callback";
    public const string WhatsAppOn = "whatsapp-on";
    public const string WhatsAppOff = "whatsapp-off";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Paid, Plan, Problem, Callback, WhatsAppOn, WhatsAppOff };
}
