using Azure.Data.Tables;
using Collections.Handlers.Invoices;
using Collections.Storage;

namespace Collections.Infrastructure.Storage;

/// <remarks>The progress lives in its own table, <c>invoicestages</c> (PK = invoice number; properties Stage, LastStep,
/// PromisesMade, PromisesBroken), not on the invoice entity: writing it there would change the invoice's ETag (its
/// Version) under a staff change in progress, and an invoice update, which replaces the entity, would drop it. Tables
/// cannot group or filter across tables, so the overview's totals and the search filter read the stage table (the
/// properties they need only) and join in memory: a scan of the book's keys, as the other Tables searches are.</remarks>
public sealed partial class TableCollectionsStore
{
    public async Task<bool> SetInvoiceProgressAsync(string number, InvoiceProgress progress, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(number, nameof(number));
        ArgumentNullException.ThrowIfNull(progress);
        StoreArguments.RequireKey(progress.Stage, nameof(progress.Stage));
        await EnsureTablesAsync(cancellationToken);
        var key = TableKeys.Escape(number, nameof(number));
        var invoice = await _invoices.GetEntityIfExistsAsync<TableEntity>(key, Single, select: ["PartitionKey"], cancellationToken: cancellationToken);
        if (!invoice.HasValue)
        {
            return false;
        }

        var entity = new TableEntity(key, Single) { ["Stage"] = progress.Stage };
        if (progress.Counts is { } counts)
        {
            StoreArguments.RequireKey(counts.LastStep, nameof(counts.LastStep));
            entity["LastStep"] = counts.LastStep;
            entity["PromisesMade"] = counts.PromisesMade;
            entity["PromisesBroken"] = counts.PromisesBroken;
        }

        // Merge: a stage written alone keeps the counts written before.
        await _invoiceStages.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyDictionary<string, string>> InvoiceStagesAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        await EnsureTablesAsync(cancellationToken);
        var stages = await Task.WhenAll(numbers.Distinct(StringComparer.Ordinal).Select(async number =>
        {
            var entity = await _invoiceStages.GetEntityIfExistsAsync<TableEntity>(
                TableKeys.Escape(number, nameof(numbers)), Single, select: ["Stage"], cancellationToken: cancellationToken);
            return (Number: number, Stage: entity.HasValue ? entity.Value!.GetString("Stage") : null);
        }));
        return stages.Where(row => row.Stage is not null).ToDictionary(row => row.Number, row => row.Stage!, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<StageTotal>> OpenInvoicesByStageAsync(CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var stages = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entity in _invoiceStages.QueryAsync<TableEntity>(select: ["PartitionKey", "Stage"], cancellationToken: cancellationToken))
        {
            stages[entity.PartitionKey] = entity.GetString("Stage");
        }

        var totals = new Dictionary<string, (int Invoices, long Cents)>(StringComparer.Ordinal);
        var unstaged = (Invoices: 0, Cents: 0L);
        var open = TableClient.CreateQueryFilter($"Status eq {InvoiceStatus.Open}");
        await foreach (var entity in _invoices.QueryAsync<TableEntity>(open, select: ["PartitionKey", "OpenCents"], cancellationToken: cancellationToken))
        {
            // Entities written before the search columns existed carry no OpenCents: their record has the balance.
            var cents = entity.GetInt64("OpenCents")
                ?? (await GetInvoiceAsync(TableKeys.Unescape(entity.PartitionKey), cancellationToken) is { } record ? InvoiceSearchKeys.OpenCents(record) : 0);
            if (stages.TryGetValue(entity.PartitionKey, out var stage))
            {
                var (invoices, sum) = totals.GetValueOrDefault(stage);
                totals[stage] = (invoices + 1, sum + cents);
            }
            else
            {
                unstaged = (unstaged.Invoices + 1, unstaged.Cents + cents);
            }
        }

        var result = totals.Select(pair => new StageTotal(pair.Key, pair.Value.Invoices, pair.Value.Cents / 100m)).ToList();
        if (unstaged.Invoices > 0)
        {
            result.Add(new StageTotal(null, unstaged.Invoices, unstaged.Cents / 100m));
        }

        return result;
    }

    public async Task<LadderTotals> LadderTotalsAsync(CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var lastSteps = new Dictionary<string, string>(StringComparer.Ordinal);
        int made = 0, broken = 0;
        await foreach (var entity in _invoiceStages.QueryAsync<TableEntity>(
            select: ["PartitionKey", "LastStep", "PromisesMade", "PromisesBroken"], cancellationToken: cancellationToken))
        {
            made += entity.GetInt32("PromisesMade") ?? 0;
            broken += entity.GetInt32("PromisesBroken") ?? 0;
            if (entity.GetString("LastStep") is { } step)
            {
                lastSteps[entity.PartitionKey] = step;
            }
        }

        var paid = new Dictionary<string, int>(StringComparer.Ordinal);
        var notRecorded = 0;
        var filter = TableClient.CreateQueryFilter($"Status eq {InvoiceStatus.Paid}");
        await foreach (var entity in _invoices.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            if (lastSteps.TryGetValue(entity.PartitionKey, out var step))
            {
                paid[step] = paid.GetValueOrDefault(step) + 1;
            }
            else
            {
                notRecorded++;
            }
        }

        var totals = paid.Select(pair => new PaidAfterStepTotal(pair.Key, pair.Value)).ToList();
        if (notRecorded > 0)
        {
            totals.Add(new PaidAfterStepTotal(null, notRecorded));
        }

        return new LadderTotals(made, broken, totals);
    }

    private async Task<HashSet<string>> NumbersAtStageAsync(string stage, CancellationToken cancellationToken)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"Stage eq {stage}");
        await foreach (var entity in _invoiceStages.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            numbers.Add(TableKeys.Unescape(entity.PartitionKey));
        }

        return numbers;
    }
}
