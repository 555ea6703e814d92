namespace Collections.Storage;

public partial interface ICollectionsStore
{
    /// <summary>Records where the invoice's workflow stands (its stage code, e.g. <c>final-notice-term</c>), so search
    /// filters on it and the overview counts by it without asking every workflow. Written by the workflow when the stage
    /// changes; does not change the invoice's Version, so it never conflicts with a staff change. False when the invoice
    /// is not stored.</summary>
    Task<bool> SetInvoiceStageAsync(string number, string stage, CancellationToken cancellationToken);

    /// <summary>Open invoices grouped by their recorded stage (null: none recorded yet): how many and their open balance.</summary>
    Task<IReadOnlyList<StageTotal>> OpenInvoicesByStageAsync(CancellationToken cancellationToken);
}

/// <param name="Stage">The stage code; null for open invoices whose workflow has not recorded one.</param>
public sealed record StageTotal(string? Stage, int Invoices, decimal OpenBalance);
