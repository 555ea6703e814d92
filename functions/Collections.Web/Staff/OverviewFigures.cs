using Collections.Handlers;
using Collections.Handlers.Invoices;
using Collections.Storage;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary>The overview's figures, computed from the store: over the whole book, open amount per workflow stage (from the
/// stage each workflow records), today's calls, ageing, DSO and how invoices ended; over the first <see cref="MaxInvoices"/>
/// invoices, which need each one's contact log, promises kept and broken and after which step paid invoices were paid.</summary>
public sealed record OverviewFigures(
    IReadOnlyList<(string Stage, int Invoices, decimal Amount)> OpenByStage,
    int PromisesMade,
    int PromisesBroken,
    int CallsToday,
    IReadOnlyList<(string Step, int Invoices)> PaidAfterStep,
    AgeingFigures Ageing)
{
    public const int MaxInvoices = 1000;

    /// <summary>Open invoices whose workflow has not written its stage yet: one started before stages were stored writes
    /// it from its next ContinueAsNew on.</summary>
    public const string NotRecorded = "not-recorded";

    /// <summary>The ladder's steps in order (R5), as they are named in the chart.</summary>
    public static readonly IReadOnlyList<string> Steps = ["before-reminder", "friendly", "call", "businesslike", "formal"];

    public int PromisesKept => Math.Max(0, PromisesMade - PromisesBroken);

    /// <summary>Kept promises as a whole percentage of those made; null when none was made.</summary>
    public int? PromisesKeptPercent => PromisesMade == 0 ? null : (int)Math.Round(100m * PromisesKept / PromisesMade, MidpointRounding.AwayFromZero);

    public static async Task<OverviewFigures> LoadAsync(ICollectionsStore store, DateTimeOffset endOfToday, CancellationToken cancellationToken)
    {
        var invoices = (await store.ListInvoicesAsync(null, 1, MaxInvoices, cancellationToken)).Items;
        var paidAfter = Steps.ToDictionary(step => step, _ => 0, StringComparer.Ordinal);
        int made = 0, broken = 0;
        foreach (var record in invoices)
        {
            var contacts = await store.ListContactsAsync(record.Invoice.Number, cancellationToken);
            made += contacts.Count(entry => entry.Kind == "call-outcome" && CallListItem.IsAboutPromise(entry));
            broken += contacts.Count(CallListItem.IsBrokenPromise);
            if (record.Status == InvoiceStatus.Paid)
            {
                paidAfter[LastStep(contacts)]++;
            }
        }

        var callsToday = (await store.ListOpenCallTasksAsync(endOfToday, cancellationToken)).Count;
        var today = DateOnly.FromDateTime(PageClock.Local(endOfToday).Date);
        var byStage = await store.OpenInvoicesByStageAsync(cancellationToken);
        return new OverviewFigures(
            [.. byStage.OrderByDescending(total => total.OpenBalance).Select(total => (total.Stage ?? NotRecorded, total.Invoices, total.OpenBalance))],
            made, broken, callsToday,
            [.. Steps.Select(step => (step, paidAfter[step]))],
            AgeingFigures.From(await store.BookTotalsAsync(AgeingFigures.InvoicedFrom(today), today, cancellationToken), today));
    }

    private static string LastStep(IReadOnlyList<ContactLogEntry> contacts)
    {
        var last = contacts.LastOrDefault(entry => entry.Kind is "message" or "call-outcome");
        return last switch
        {
            null => "before-reminder",
            { Kind: "call-outcome" } => "call",
            { Tone: "formal" } => "formal",
            { Tone: "businesslike" } => "businesslike",
            _ => "friendly",
        };
    }
}
