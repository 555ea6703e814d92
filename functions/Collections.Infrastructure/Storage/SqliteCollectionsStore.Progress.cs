using System.Text.Json;
using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Infrastructure.Storage;

/// <remarks>The stage, ladder step and promise counts are columns of <c>invoices</c> outside <c>record_json</c> and
/// <c>version</c>: the workflow's write never conflicts with a staff change, and an invoice update never overwrites them.
/// <c>ix_invoices_status_stage</c> covers the overview's stage totals (status, stage, open_cents),
/// <c>ix_invoices_stage</c> the search filter, <c>ix_invoices_status_last_step</c> the paid-after-step counts and the
/// partial <c>ix_invoices_promises</c> the promise totals (only invoices with a promise are in it).</remarks>
public sealed partial class SqliteCollectionsStore
{
    internal const string PromiseTotalsQuery =
        "SELECT COALESCE(SUM(promises_made), 0), COALESCE(SUM(promises_broken), 0) FROM invoices WHERE promises_made > 0 OR promises_broken > 0;";

    internal const string PaidByLastStepQuery = "SELECT last_step, COUNT(*) FROM invoices WHERE status = $paid GROUP BY last_step;";

    public async Task<bool> SetInvoiceProgressAsync(string number, InvoiceProgress progress, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(number, nameof(number));
        ArgumentNullException.ThrowIfNull(progress);
        StoreArguments.RequireKey(progress.Stage, nameof(progress.Stage));
        await using var connection = await OpenAsync(cancellationToken);
        if (progress.Counts is not { } counts)
        {
            return await ExecuteAsync(
                connection, "UPDATE invoices SET stage = $stage WHERE number = $number;", cancellationToken, ("$number", number), ("$stage", progress.Stage)) == 1;
        }

        StoreArguments.RequireKey(counts.LastStep, nameof(counts.LastStep));
        return await ExecuteAsync(
            connection,
            "UPDATE invoices SET stage = $stage, last_step = $step, promises_made = $made, promises_broken = $broken WHERE number = $number;",
            cancellationToken,
            ("$number", number), ("$stage", progress.Stage), ("$step", counts.LastStep), ("$made", counts.PromisesMade), ("$broken", counts.PromisesBroken)) == 1;
    }

    public async Task<IReadOnlyDictionary<string, string>> InvoiceStagesAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        if (numbers.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        await using var connection = await OpenAsync(cancellationToken);
        var stages = await QueryAsync(
            connection,
            "SELECT number, stage FROM invoices WHERE number IN (SELECT value FROM json_each($numbers)) AND stage IS NOT NULL;",
            reader => (Number: reader.GetString(0), Stage: reader.GetString(1)),
            cancellationToken,
            ("$numbers", JsonSerializer.Serialize(numbers)));
        return stages.ToDictionary(row => row.Number, row => row.Stage, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<StageTotal>> OpenInvoicesByStageAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(
            connection,
            "SELECT stage, COUNT(*), SUM(open_cents) FROM invoices WHERE status = $open GROUP BY stage;",
            reader => new StageTotal(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2) / 100m),
            cancellationToken,
            ("$open", InvoiceStatus.Open));
    }

    public async Task<LadderTotals> LadderTotalsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var promises = await QueryAsync(
            connection,
            PromiseTotalsQuery,
            reader => (Made: reader.GetInt32(0), Broken: reader.GetInt32(1)),
            cancellationToken);
        var paid = await QueryAsync(
            connection,
            PaidByLastStepQuery,
            reader => new PaidAfterStepTotal(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt32(1)),
            cancellationToken,
            ("$paid", InvoiceStatus.Paid));
        return new LadderTotals(promises[0].Made, promises[0].Broken, paid);
    }
}
