namespace Collections.Workflow;

/// <summary>The steps of the ladder (R5) that reach the debtor, in order: the overview counts paid invoices by the last
/// one before the payment.</summary>
public enum LadderStep
{
    /// <summary>No reminder yet (a nudge before the due date at most).</summary>
    BeforeReminder,
    Friendly,
    Call,
    Businesslike,
    Formal,
}
