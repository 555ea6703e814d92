namespace Collections.Storage;

public partial interface ICollectionsStore
{
    /// <summary>Records where the invoice's workflow stands (its stage code, e.g. <c>final-notice-term</c>, and the
    /// ladder step and promise counts), so search filters on it and the overview counts by it without asking every
    /// workflow. Written by the workflow when it changes; does not change the invoice's Version, so it never conflicts
    /// with a staff change. False when the invoice is not stored.</summary>
    Task<bool> SetInvoiceProgressAsync(string number, InvoiceProgress progress, CancellationToken cancellationToken);

    /// <summary>The recorded stage of each of <paramref name="numbers"/> that has one (a page of the invoice list, a
    /// debtor's invoices); invoices without one, or not stored, are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> InvoiceStagesAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken);

    /// <summary>Open invoices grouped by their recorded stage (null: none recorded yet): how many and their open balance.</summary>
    Task<IReadOnlyList<StageTotal>> OpenInvoicesByStageAsync(CancellationToken cancellationToken);

    /// <summary>Over the whole book: promises made and broken, and paid invoices per last ladder step before payment.</summary>
    Task<LadderTotals> LadderTotalsAsync(CancellationToken cancellationToken);
}

/// <param name="Counts">Null from a workflow that began before the ladder step and promises were stored: the stage alone
/// is written and earlier counts are kept.</param>
public sealed record InvoiceProgress(string Stage, LadderCounts? Counts = null);

/// <param name="LastStep">The last ladder step that reached the debtor: before-reminder, friendly, call, businesslike, formal.</param>
/// <param name="PromisesMade">Promises to pay and payment plans agreed.</param>
/// <param name="PromisesBroken">Promises not met and instalments missed.</param>
public sealed record LadderCounts(string LastStep, int PromisesMade, int PromisesBroken);

/// <param name="Stage">The stage code; null for open invoices whose workflow has not recorded one.</param>
public sealed record StageTotal(string? Stage, int Invoices, decimal OpenBalance);

/// <param name="PaidByLastStep">Paid invoices per last ladder step (null: their workflow recorded none).</param>
public sealed record LadderTotals(int PromisesMade, int PromisesBroken, IReadOnlyList<PaidAfterStepTotal> PaidByLastStep);

public sealed record PaidAfterStepTotal(string? LastStep, int Invoices);
