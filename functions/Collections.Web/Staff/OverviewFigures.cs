using Collections.Handlers;
using Collections.Handlers.Invoices;
using Collections.Storage;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary>The overview's figures, computed from the store and the workflows: open amount per workflow
/// stage, promises kept and broken, today's calls, and after which step paid invoices were paid.</summary>
public sealed record OverviewFigures(
    IReadOnlyList<(string Stage, int Invoices, decimal Amount)> OpenByStage,
    int PromisesMade,
    int PromisesBroken,
    int CallsToday,
    IReadOnlyList<(string Step, int Invoices)> PaidAfterStep,
    AgeingFigures Ageing)
{
    public const int MaxInvoices = 1000;

    /// <summary>The ladder's steps in order (R5), as they are named in the chart.</summary>
    public static readonly IReadOnlyList<string> Steps = ["before-reminder", "friendly", "call", "businesslike", "formal"];

    public int PromisesKept => Math.Max(0, PromisesMade - PromisesBroken);

    /// <summary>Kept promises as a whole percentage of those made; null when none was made.</summary>
    public int? PromisesKeptPercent => PromisesMade == 0 ? null : (int)Math.Round(100m * PromisesKept / PromisesMade, MidpointRounding.AwayFromZero);

    public static async Task<OverviewFigures> LoadAsync(ICollectionsStore store, IInvoiceWorkflows workflows, DateTimeOffset endOfToday, CancellationToken cancellationToken)
    {
        var invoices = (await store.ListInvoicesAsync(null, 1, MaxInvoices, cancellationToken)).Items;
        var byStage = new Dictionary<string, (int Count, decimal Amount)>(StringComparer.Ordinal);
        var paidAfter = Steps.ToDictionary(step => step, _ => 0, StringComparer.Ordinal);
        int made = 0, broken = 0;
        foreach (var record in invoices)
        {
            var contacts = await store.ListContactsAsync(record.Invoice.Number, cancellationToken);
            made += contacts.Count(entry => entry.Kind == "call-outcome" && CallListItem.IsAboutPromise(entry));
            broken += contacts.Count(CallListItem.IsBrokenPromise);
            if (record.Status == InvoiceStatus.Open)
            {
                var stage = (await workflows.GetAsync(record.Invoice.Number, cancellationToken))?.Stage ?? "not-started";
                var (count, amount) = byStage.GetValueOrDefault(stage);
                byStage[stage] = (count + 1, amount + record.OpenBalance);
            }
            else if (record.Status == InvoiceStatus.Paid)
            {
                paidAfter[LastStep(contacts)]++;
            }
        }

        var callsToday = (await store.ListOpenCallTasksAsync(endOfToday, cancellationToken)).Count;
        return new OverviewFigures(
            [.. byStage.OrderByDescending(pair => pair.Value.Amount).Select(pair => (pair.Key, pair.Value.Count, pair.Value.Amount))],
            made, broken, callsToday,
            [.. Steps.Select(step => (step, paidAfter[step]))],
            AgeingFigures.From(invoices, DateOnly.FromDateTime(PageClock.Local(endOfToday).Date)));
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
