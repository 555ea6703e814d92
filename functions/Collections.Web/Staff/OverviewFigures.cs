using Collections.Handlers;
using Collections.Handlers.Invoices;
using Collections.Storage;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary>The overview's figures over the whole book, computed by the store from what each workflow records (its
/// stage, last ladder step and promise counts) and from the invoices' figures: open amount per workflow stage, today's
/// calls, promises kept and broken, after which step paid invoices were paid, ageing, DSO and how invoices ended.</summary>
public sealed record OverviewFigures(
    IReadOnlyList<(string Stage, int Invoices, decimal Amount)> OpenByStage,
    int PromisesMade,
    int PromisesBroken,
    int CallsToday,
    IReadOnlyList<(string Step, int Invoices)> PaidAfterStep,
    AgeingFigures Ageing)
{
    /// <summary>Invoices whose workflow has not written its stage or ladder step yet: one started before these were
    /// stored writes them from its next ContinueAsNew on.</summary>
    public const string NotRecorded = "not-recorded";

    /// <summary>The ladder's steps in order (R5), as the workflow records them and the chart names them.</summary>
    public static readonly IReadOnlyList<string> Steps = ["before-reminder", "friendly", "call", "businesslike", "formal"];

    public int PromisesKept => Math.Max(0, PromisesMade - PromisesBroken);

    /// <summary>Kept promises as a whole percentage of those made; null when none was made.</summary>
    public int? PromisesKeptPercent => PromisesMade == 0 ? null : (int)Math.Round(100m * PromisesKept / PromisesMade, MidpointRounding.AwayFromZero);

    public static async Task<OverviewFigures> LoadAsync(ICollectionsStore store, DateTimeOffset endOfToday, CancellationToken cancellationToken)
    {
        var callsToday = (await store.ListOpenCallTasksAsync(endOfToday, cancellationToken)).Count;
        var today = DateOnly.FromDateTime(PageClock.Local(endOfToday).Date);
        var byStage = await store.OpenInvoicesByStageAsync(cancellationToken);
        var ladder = await store.LadderTotalsAsync(cancellationToken);
        return new OverviewFigures(
            [.. byStage.OrderByDescending(total => total.OpenBalance).Select(total => (total.Stage ?? NotRecorded, total.Invoices, total.OpenBalance))],
            ladder.PromisesMade, ladder.PromisesBroken, callsToday,
            PaidAfter(ladder.PaidByLastStep),
            AgeingFigures.From(await store.BookTotalsAsync(AgeingFigures.InvoicedFrom(today), today, cancellationToken), today));
    }

    /// <summary>Every step in ladder order, and the paid invoices without a recorded step last, when there are any.</summary>
    private static IReadOnlyList<(string Step, int Invoices)> PaidAfter(IReadOnlyList<PaidAfterStepTotal> totals)
    {
        var count = totals.ToDictionary(total => total.LastStep ?? NotRecorded, total => total.Invoices, StringComparer.Ordinal);
        var steps = Steps.Select(step => (step, count.GetValueOrDefault(step))).ToList();
        if (count.GetValueOrDefault(NotRecorded) is > 0 and var notRecorded)
        {
            steps.Add((NotRecorded, notRecorded));
        }

        return steps;
    }
}
