namespace Collections.Handlers.Invoices;

/// <summary>A dispute or complaint about an invoice was opened or resolved (R2: chasing pauses while one is open).</summary>
/// <param name="Action"><c>open</c> or <c>resolve</c>.</param>
public sealed record DisputeChange(string? Action, string? Reason = null)
{
    public const string Open = "open";
    public const string Resolve = "resolve";
}
