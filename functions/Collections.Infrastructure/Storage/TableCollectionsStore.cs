using System.Text;
using Azure;
using Azure.Data.Tables;
using Collections.Storage;

namespace Collections.Infrastructure.Storage;

/// <summary>
/// <see cref="ICollectionsStore"/> on Azure Table storage. Versions are entity ETags; updates
/// replace an entity only if its ETag still matches (412 becomes <see cref="StoreConflictException"/>),
/// adds rely on 409 "already exists".
/// </summary>
/// <remarks>
/// Key design. Table storage scales by partition and only indexes PartitionKey/RowKey, and it has
/// no transactions across partitions. The hot path is the workflow: every step of every invoice
/// reads and updates that invoice, appends to its contact log, records its payments. So each
/// invoice, call task, approval and payment is its own partition (PK = its id, RK = ""), and an
/// invoice's contact log is one partition (PK = invoice number, RK = entry id): writes spread
/// over as many partitions as there are invoices, and each record is a point read.
/// Secondary lookups:
/// <list type="bullet">
/// <item>debtor → invoices: an index table (PK = debtor id, RK = invoice number, no payload), written
/// before the invoice, and checked against the invoice on read, so a crash in between leaves at
/// worst an entry that reads filter out.</item>
/// <item>invoice → payments and debtor → contact log: index tables holding a copy of the (immutable)
/// record, written after the primary, which alone decides "added once"; a retried add repairs a
/// missing copy.</item>
/// <item>token hash → approval: an index entity claimed (added) before the approval, so two
/// approvals can never share a token; lookups verify the approval still has that hash.</item>
/// <item>provider message id → message tag: one partition per id (PK = id, RK = ""), added once.</item>
/// <item>leases: one partition per lease name (PK = name, RK = ""), taken by add (409) or by a replace against
/// the expired lease's ETag (412), so two instances never both hold it.</item>
/// <item>invoices by status, open call tasks, pending approvals, the outbox: server-side filtered
/// queries over the record's table. These are staff screens over sets bounded by what people
/// handle; a status index would need a non-atomic move between partitions on every status
/// change, which a filter avoids by construction.</item>
/// </list>
/// </remarks>
public sealed partial class TableCollectionsStore : ICollectionsStore
{
    private const string Single = "";

    // A table transaction holds at most 100 actions (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions).
    private const int MaxTransactionActions = 100;

    /// <summary>Requests in flight at once for one bulk add.</summary>
    private const int BulkConcurrency = 16;

    private readonly TableClient _invoices;
    private readonly TableClient _invoicesByDebtor;
    private readonly TableClient _payments;
    private readonly TableClient _paymentsByInvoice;
    private readonly TableClient _callTasks;
    private readonly TableClient _approvals;
    private readonly TableClient _approvalTokens;
    private readonly TableClient _contacts;
    private readonly TableClient _contactsByDebtor;
    private readonly TableClient _outbox;
    private readonly TableClient _processed;
    private readonly TableClient _sentMessages;
    private readonly TableClient _leases;
    private readonly TableClient _sharedValues;
    private readonly TableClient _invoiceTerms;
    private readonly TableClient _staffTasks;
    private readonly TableClient _invoiceStages;
    private readonly SemaphoreSlim _creation = new(1, 1);
    private volatile bool _created;

    /// <param name="tablePrefix">Letters and digits, starting with a letter; prefixes every table name.</param>
    public TableCollectionsStore(TableServiceClient service, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (TableStoreOptions.PrefixProblem(tablePrefix) is { } problem)
        {
            throw new ArgumentException(problem, nameof(tablePrefix));
        }

        TableClient Table(string name) => service.GetTableClient(tablePrefix + name);
        _invoices = Table("invoices");
        _invoicesByDebtor = Table("invoicesbydebtor");
        _payments = Table("payments");
        _paymentsByInvoice = Table("paymentsbyinvoice");
        _callTasks = Table("calltasks");
        _approvals = Table("approvals");
        _approvalTokens = Table("approvaltokens");
        _contacts = Table("contacts");
        _contactsByDebtor = Table("contactsbydebtor");
        _outbox = Table("outbox");
        _processed = Table("processed");
        _sentMessages = Table("sentmessages");
        _leases = Table("leases");
        _sharedValues = Table("sharedvalues");
        _invoiceTerms = Table("invoiceterms");
        _staffTasks = Table("stafftasks");
        _invoiceStages = Table("invoicestages");
    }

    public async Task<AddResult<InvoiceRecord>> AddInvoiceAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        StoreArguments.Check(invoice);
        await EnsureTablesAsync(cancellationToken);
        await IndexInvoiceOfDebtorAsync(invoice, cancellationToken);
        return await AddIndexedInvoiceAsync(invoice, cancellationToken);
    }

    public async Task<IReadOnlyList<AddResult<InvoiceRecord>>> AddInvoicesAsync(IReadOnlyList<InvoiceRecord> invoices, CancellationToken cancellationToken)
    {
        StoreArguments.CheckDistinct(invoices);
        await EnsureTablesAsync(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = BulkConcurrency, CancellationToken = cancellationToken };

        // The debtor index first, as for one invoice: one batched transaction per debtor (its partition), at most 100 entries each.
        var indexBatches = invoices
            .GroupBy(invoice => invoice.Invoice.Debtor.Id, StringComparer.Ordinal)
            .SelectMany(debtor => debtor.Chunk(MaxTransactionActions));
        await Parallel.ForEachAsync(indexBatches, parallel, async (batch, token) =>
            await _invoicesByDebtor.SubmitTransactionAsync(
                batch.Select(invoice => new TableTransactionAction(TableTransactionActionType.UpsertReplace, InvoiceOfDebtorEntry(invoice))), token));

        // Each invoice is its own partition and no transaction spans partitions: one add each.
        var results = new AddResult<InvoiceRecord>[invoices.Count];
        await Parallel.ForAsync(0, invoices.Count, parallel, async (index, token) =>
            results[index] = await AddIndexedInvoiceAsync(invoices[index], token));
        return results;
    }

    public async Task<InvoiceRecord?> GetInvoiceAsync(string number, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(number, nameof(number));
        await EnsureTablesAsync(cancellationToken);
        return await GetVersionedAsync<InvoiceRecord>(
            _invoices, TableKeys.Escape(number, nameof(number)), Single, (record, version) => record with { Version = version }, cancellationToken);
    }

    public async Task<InvoiceRecord> UpdateInvoiceAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        StoreArguments.Check(invoice);
        var expected = StoreArguments.RequireVersion(invoice.Version, "invoice.Version");
        await EnsureTablesAsync(cancellationToken);
        await IndexInvoiceOfDebtorAsync(invoice, cancellationToken);
        var staleTerms = await IndexTermsAsync(invoice, cancellationToken);
        var version = await ReplaceAsync(_invoices, InvoiceEntity(invoice), expected, "Invoice", invoice.Invoice.Number, cancellationToken);
        await RemoveTermsAsync(invoice.Invoice.Number, staleTerms, cancellationToken);
        return invoice with { Version = version };
    }

    public async Task<StorePage<InvoiceRecord>> ListInvoicesAsync(string? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        StoreArguments.RequirePaging(page, pageSize);
        await EnsureTablesAsync(cancellationToken);
        var filter = status is null ? null : TableClient.CreateQueryFilter($"Status eq {status}");
        var numbers = new List<string>();
        await foreach (var entity in _invoices.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            numbers.Add(TableKeys.Unescape(entity.PartitionKey));
        }

        numbers.Sort(CodePointOrder.Instance);
        var pageNumbers = numbers.Skip((page - 1) * pageSize).Take(pageSize);
        var items = await ReadInvoicesAsync(pageNumbers, cancellationToken);
        return new StorePage<InvoiceRecord>(items, page, pageSize, numbers.Count);
    }

    public async Task<IReadOnlyList<InvoiceRecord>> ListInvoicesOfDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(debtorId, nameof(debtorId));
        await EnsureTablesAsync(cancellationToken);
        var partition = TableKeys.Escape(debtorId, nameof(debtorId));
        var numbers = new List<string>();
        await foreach (var entity in _invoicesByDebtor.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            numbers.Add(TableKeys.Unescape(entity.RowKey));
        }

        numbers.Sort(CodePointOrder.Instance);
        var invoices = await ReadInvoicesAsync(numbers, cancellationToken);
        return [.. invoices.Where(invoice => invoice.Invoice.Debtor.Id == debtorId)];
    }

    public async Task<bool> AddPaymentAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        StoreArguments.Check(payment);
        await EnsureTablesAsync(cancellationToken);
        var paymentKey = TableKeys.Escape(payment.PaymentId, "payment.PaymentId");
        var entity = new TableEntity(paymentKey, Single);
        TablePayload.Write(entity, payment, nameof(payment));
        var added = await TryAddAsync(_payments, entity, cancellationToken) is not null;
        var stored = added
            ? payment
            : TablePayload.Read<PaymentRecord>(await _payments.GetEntityAsync<TableEntity>(paymentKey, Single, cancellationToken: cancellationToken));
        var copy = new TableEntity(TableKeys.Escape(stored.InvoiceNumber, "payment.InvoiceNumber"), paymentKey);
        TablePayload.Write(copy, stored, nameof(payment));
        await _paymentsByInvoice.UpsertEntityAsync(copy, TableUpdateMode.Replace, cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<PaymentRecord>> ListPaymentsAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(invoiceNumber, nameof(invoiceNumber));
        await EnsureTablesAsync(cancellationToken);
        var payments = await QueryPartitionAsync<PaymentRecord>(
            _paymentsByInvoice, TableKeys.Escape(invoiceNumber, nameof(invoiceNumber)), cancellationToken);
        return [.. payments.OrderBy(payment => payment.RecordedAt.UtcTicks).ThenBy(payment => payment.PaymentId, CodePointOrder.Instance)];
    }

    public async Task<bool> AddCallTaskAsync(CallTaskRecord task, CancellationToken cancellationToken)
    {
        StoreArguments.Check(task);
        await EnsureTablesAsync(cancellationToken);
        return await TryAddAsync(_callTasks, CallTaskEntity(task), cancellationToken) is not null;
    }

    public async Task<CallTaskRecord?> GetCallTaskAsync(string id, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(id, nameof(id));
        await EnsureTablesAsync(cancellationToken);
        return await GetVersionedAsync<CallTaskRecord>(
            _callTasks, TableKeys.Escape(id, nameof(id)), Single, (record, version) => record with { Version = version }, cancellationToken);
    }

    public async Task<CallTaskRecord> UpdateCallTaskAsync(CallTaskRecord task, CancellationToken cancellationToken)
    {
        StoreArguments.Check(task);
        var expected = StoreArguments.RequireVersion(task.Version, "task.Version");
        await EnsureTablesAsync(cancellationToken);
        var version = await ReplaceAsync(_callTasks, CallTaskEntity(task), expected, "Call task", task.Id, cancellationToken);
        return task with { Version = version };
    }

    public async Task<IReadOnlyList<CallTaskRecord>> ListOpenCallTasksAsync(DateTimeOffset? dueBy, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var filter = dueBy is { } due
            ? TableClient.CreateQueryFilter($"Status eq {"open"} and DueTicks le {due.UtcTicks}")
            : TableClient.CreateQueryFilter($"Status eq {"open"}");
        var tasks = new List<CallTaskRecord>();
        await foreach (var entity in _callTasks.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            tasks.Add(TablePayload.Read<CallTaskRecord>(entity) with { Version = entity.ETag.ToString() });
        }

        return [.. tasks.OrderBy(task => task.DueBy.UtcTicks).ThenBy(task => task.Id, CodePointOrder.Instance)];
    }

    public async Task<IReadOnlyList<CallTaskRecord>> ListCallTasksOfDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(debtorId, nameof(debtorId));
        await EnsureTablesAsync(cancellationToken);
        var tasks = new List<CallTaskRecord>();
        await foreach (var entity in _callTasks.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"DebtorId eq {debtorId}"), cancellationToken: cancellationToken))
        {
            tasks.Add(TablePayload.Read<CallTaskRecord>(entity) with { Version = entity.ETag.ToString() });
        }

        return [.. tasks.OrderBy(task => task.CreatedAt.UtcTicks).ThenBy(task => task.Id, CodePointOrder.Instance)];
    }

    public async Task<bool> AddApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken)
    {
        StoreArguments.Check(approval);
        await EnsureTablesAsync(cancellationToken);
        await ClaimTokenAsync(approval, cancellationToken);
        return await TryAddAsync(_approvals, ApprovalEntity(approval), cancellationToken) is not null;
    }

    public async Task<ApprovalRecord?> GetApprovalAsync(string id, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(id, nameof(id));
        await EnsureTablesAsync(cancellationToken);
        return await GetVersionedAsync<ApprovalRecord>(
            _approvals, TableKeys.Escape(id, nameof(id)), Single, (record, version) => record with { Version = version }, cancellationToken);
    }

    public async Task<ApprovalRecord?> FindApprovalByTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(tokenHash, nameof(tokenHash));
        await EnsureTablesAsync(cancellationToken);
        var claim = await _approvalTokens.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Escape(tokenHash, nameof(tokenHash)), Single, cancellationToken: cancellationToken);
        if (!claim.HasValue || claim.Value!.GetString("ApprovalId") is not { } approvalId)
        {
            return null;
        }

        var approval = await GetApprovalAsync(approvalId, cancellationToken);
        return approval?.TokenHash == tokenHash ? approval : null;
    }

    public async Task<ApprovalRecord> UpdateApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken)
    {
        StoreArguments.Check(approval);
        var expected = StoreArguments.RequireVersion(approval.Version, "approval.Version");
        await EnsureTablesAsync(cancellationToken);
        await ClaimTokenAsync(approval, cancellationToken);
        var version = await ReplaceAsync(_approvals, ApprovalEntity(approval), expected, "Approval", approval.Id, cancellationToken);
        return approval with { Version = version };
    }

    public async Task<IReadOnlyList<ApprovalRecord>> ListPendingApprovalsAsync(CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var approvals = new List<ApprovalRecord>();
        await foreach (var entity in _approvals.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"Pending eq {true}"), cancellationToken: cancellationToken))
        {
            approvals.Add(TablePayload.Read<ApprovalRecord>(entity) with { Version = entity.ETag.ToString() });
        }

        return [.. approvals.OrderBy(approval => approval.RequestedAt.UtcTicks).ThenBy(approval => approval.Id, CodePointOrder.Instance)];
    }

    public async Task<bool> AppendContactAsync(ContactLogEntry entry, CancellationToken cancellationToken)
    {
        StoreArguments.Check(entry);
        await EnsureTablesAsync(cancellationToken);
        var (entity, _) = ContactEntities(entry);
        var added = await TryAddAsync(_contacts, entity, cancellationToken) is not null;
        var stored = added
            ? entry
            : TablePayload.Read<ContactLogEntry>(await _contacts.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken));
        await _contactsByDebtor.UpsertEntityAsync(ContactEntities(stored).Copy, TableUpdateMode.Replace, cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<ContactLogEntry>> ListContactsAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(invoiceNumber, nameof(invoiceNumber));
        await EnsureTablesAsync(cancellationToken);
        return InTimeOrder(await QueryPartitionAsync<ContactLogEntry>(
            _contacts, TableKeys.Escape(invoiceNumber, nameof(invoiceNumber)), cancellationToken));
    }

    public async Task<IReadOnlyList<ContactLogEntry>> ListContactsOfDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(debtorId, nameof(debtorId));
        await EnsureTablesAsync(cancellationToken);
        return InTimeOrder(await QueryPartitionAsync<ContactLogEntry>(
            _contactsByDebtor, TableKeys.Escape(debtorId, nameof(debtorId)), cancellationToken));
    }

    public async Task<bool> AddOutboxMessageAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        StoreArguments.Check(message);
        await EnsureTablesAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.Escape(message.Id, "message.Id"), Single) { ["StoredTicks"] = message.StoredAt.UtcTicks };
        TablePayload.Write(entity, message, nameof(message));
        return await TryAddAsync(_outbox, entity, cancellationToken) is not null;
    }

    public async Task<StorePage<OutboxMessage>> ListOutboxAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        StoreArguments.RequirePaging(page, pageSize);
        await EnsureTablesAsync(cancellationToken);
        var keys = new List<(long StoredTicks, string Id, string Key)>();
        await foreach (var entity in _outbox.QueryAsync<TableEntity>(
            filter: (string?)null, select: ["PartitionKey", "StoredTicks"], cancellationToken: cancellationToken))
        {
            keys.Add((entity.GetInt64("StoredTicks") ?? 0, TableKeys.Unescape(entity.PartitionKey), entity.PartitionKey));
        }

        var pageKeys = keys
            .OrderByDescending(key => key.StoredTicks)
            .ThenBy(key => key.Id, CodePointOrder.Instance)
            .Skip((page - 1) * pageSize)
            .Take(pageSize);
        var messages = await Task.WhenAll(pageKeys.Select(async key =>
            TablePayload.Read<OutboxMessage>(await _outbox.GetEntityAsync<TableEntity>(key.Key, Single, cancellationToken: cancellationToken))));
        return new StorePage<OutboxMessage>(messages, page, pageSize, keys.Count);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListOutboxOfWorkflowAsync(string workflowInstanceId, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(workflowInstanceId, nameof(workflowInstanceId));
        await EnsureTablesAsync(cancellationToken);

        // "id:" ≤ key < "id;" (';' follows ':', and neither is escaped): a range over the partition keys.
        var from = TableKeys.Escape(workflowInstanceId + ":", nameof(workflowInstanceId));
        var to = TableKeys.Escape(workflowInstanceId + ";", nameof(workflowInstanceId));
        var messages = new List<OutboxMessage>();
        await foreach (var entity in _outbox.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"), cancellationToken: cancellationToken))
        {
            messages.Add(TablePayload.Read<OutboxMessage>(entity));
        }

        return [.. messages.OrderBy(message => message.StoredAt.UtcTicks).ThenBy(message => message.Id, CodePointOrder.Instance)];
    }

    /// <remarks>No transaction spans these partitions: each step is an idempotent replace or delete, and the audit entry,
    /// added last, is what marks the redaction done; an interrupted one is redone whole on the next sweep. Azure Storage
    /// keeps no readable copy of a replaced or deleted entity.</remarks>
    public async Task RedactAsync(StoreRedaction redaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redaction);
        StoreArguments.Check(redaction.Invoice);
        StoreArguments.Check(redaction.Audit);
        var expected = StoreArguments.RequireVersion(redaction.Invoice.Version, "redaction.Invoice.Version");
        await EnsureTablesAsync(cancellationToken);
        foreach (var entry in redaction.ReplacedContacts)
        {
            var (entity, copy) = ContactEntities(entry);
            await _contacts.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
            await _contactsByDebtor.UpsertEntityAsync(copy, TableUpdateMode.Replace, cancellationToken);
        }

        foreach (var entry in redaction.RemovedContacts)
        {
            var (entity, copy) = ContactEntities(entry);
            await _contacts.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
            await _contactsByDebtor.DeleteEntityAsync(copy.PartitionKey, copy.RowKey, ETag.All, cancellationToken);
        }

        foreach (var task in redaction.ReplacedCallTasks)
        {
            await _callTasks.UpsertEntityAsync(CallTaskEntity(task), TableUpdateMode.Replace, cancellationToken);
        }

        foreach (var id in redaction.RemovedOutboxMessageIds)
        {
            await _outbox.DeleteEntityAsync(TableKeys.Escape(id, "message.Id"), Single, ETag.All, cancellationToken);
        }

        var staleTerms = await IndexTermsAsync(redaction.Invoice, cancellationToken);
        await ReplaceAsync(_invoices, InvoiceEntity(redaction.Invoice), expected, "Invoice", redaction.Invoice.Invoice.Number, cancellationToken);
        await RemoveTermsAsync(redaction.Invoice.Invoice.Number, staleTerms, cancellationToken);
        await AppendContactAsync(redaction.Audit, cancellationToken);
    }

    public async Task<bool> TryMarkProcessedAsync(string scope, string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(scope, nameof(scope));
        StoreArguments.RequireKey(id, nameof(id));
        await EnsureTablesAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.Escape(scope, nameof(scope)), TableKeys.Escape(id, nameof(id))) { ["At"] = at };
        return await TryAddAsync(_processed, entity, cancellationToken) is not null;
    }

    public async Task<bool> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(name, nameof(name));
        StoreArguments.RequireKey(holder, nameof(holder));
        await EnsureTablesAsync(cancellationToken);
        var lease = new TableEntity(TableKeys.Escape(name, nameof(name)), Single) { ["Holder"] = holder, ["Until"] = until };
        var found = await _leases.GetEntityIfExistsAsync<TableEntity>(lease.PartitionKey, Single, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return await TryAddAsync(_leases, lease, cancellationToken) is not null;
        }

        var current = found.Value!;
        if (current.GetDateTimeOffset("Until") > now && current.GetString("Holder") != holder)
        {
            return false;
        }

        try
        {
            await _leases.UpdateEntityAsync(lease, current.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            // Another instance took or gave back the lease since it was read.
            return false;
        }
    }

    public async Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(name, nameof(name));
        StoreArguments.RequireKey(holder, nameof(holder));
        await EnsureTablesAsync(cancellationToken);
        var key = TableKeys.Escape(name, nameof(name));
        var found = await _leases.GetEntityIfExistsAsync<TableEntity>(key, Single, cancellationToken: cancellationToken);
        if (found.HasValue && found.Value!.GetString("Holder") == holder)
        {
            try
            {
                await _leases.DeleteEntityAsync(key, Single, found.Value.ETag, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status is 412 or 404)
            {
                // Taken over after it expired: it is no longer ours to give back.
            }
        }
    }

    public async Task<SharedValue?> GetSharedValueAsync(string name, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(name, nameof(name));
        await EnsureTablesAsync(cancellationToken);
        var found = await _sharedValues.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(name, nameof(name)), Single, cancellationToken: cancellationToken);
        return found.HasValue ? new SharedValue(found.Value!.GetString("Value"), found.Value.ETag.ToString()) : null;
    }

    public async Task<bool> TrySetSharedValueAsync(string name, string value, string? expectedVersion, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(name, nameof(name));
        ArgumentNullException.ThrowIfNull(value);
        await EnsureTablesAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.Escape(name, nameof(name)), Single) { ["Value"] = value };
        if (expectedVersion is null)
        {
            return await TryAddAsync(_sharedValues, entity, cancellationToken) is not null;
        }

        try
        {
            await _sharedValues.UpdateEntityAsync(entity, new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task RecordSentMessageAsync(string providerMessageId, string tag, DateTimeOffset at, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(providerMessageId, nameof(providerMessageId));
        StoreArguments.RequireKey(tag, nameof(tag));
        await EnsureTablesAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.Escape(providerMessageId, nameof(providerMessageId)), Single) { ["Tag"] = tag, ["At"] = at };
        await TryAddAsync(_sentMessages, entity, cancellationToken);
    }

    public async Task<string?> FindSentMessageTagAsync(string providerMessageId, CancellationToken cancellationToken)
    {
        StoreArguments.RequireKey(providerMessageId, nameof(providerMessageId));
        await EnsureTablesAsync(cancellationToken);
        var found = await _sentMessages.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Escape(providerMessageId, nameof(providerMessageId)), Single, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.GetString("Tag") : null;
    }

    private static TableEntity InvoiceEntity(InvoiceRecord invoice)
    {
        var entity = new TableEntity(TableKeys.Escape(invoice.Invoice.Number, "invoice.Number"), Single)
        {
            ["Status"] = invoice.Status,
            ["DebtorId"] = invoice.Invoice.Debtor.Id,
            ["DueDay"] = InvoiceSearchKeys.DueDay(invoice),
            ["OpenCents"] = InvoiceSearchKeys.OpenCents(invoice),
            ["IssueDay"] = (long)invoice.Invoice.IssueDate.DayNumber,
            ["AmountCents"] = InvoiceSearchKeys.Cents(invoice.Invoice.Amount),
            ["Paused"] = invoice.Paused is not null,
            ["Disputed"] = invoice.Disputed,
            ["Terms"] = string.Join(' ', InvoiceSearchKeys.Terms(invoice)),
        };
        TablePayload.Write(entity, invoice with { Version = null }, nameof(invoice));
        return entity;
    }

    private static TableEntity CallTaskEntity(CallTaskRecord task)
    {
        var entity = new TableEntity(TableKeys.Escape(task.Id, "task.Id"), Single)
        {
            ["Status"] = task.Status,
            ["DueTicks"] = task.DueBy.UtcTicks,
            ["DebtorId"] = task.DebtorId,
        };
        TablePayload.Write(entity, task with { Version = null }, nameof(task));
        return entity;
    }

    /// <summary>The entry in the invoice's contact log and its copy in the debtor's.</summary>
    private static (TableEntity Entity, TableEntity Copy) ContactEntities(ContactLogEntry entry)
    {
        var entryKey = TableKeys.Escape(entry.Id, "entry.Id");
        var invoiceKey = TableKeys.Escape(entry.InvoiceNumber, "entry.InvoiceNumber");
        var entity = new TableEntity(invoiceKey, entryKey);
        TablePayload.Write(entity, entry, nameof(entry));
        var copy = new TableEntity(TableKeys.Escape(entry.DebtorId, "entry.DebtorId"), $"{invoiceKey}|{entryKey}");
        TablePayload.Write(copy, entry, nameof(entry));
        return (entity, copy);
    }

    private static TableEntity ApprovalEntity(ApprovalRecord approval)
    {
        var entity = new TableEntity(TableKeys.Escape(approval.Id, "approval.Id"), Single)
        {
            ["Pending"] = approval.Decision is null,
        };
        TablePayload.Write(entity, approval with { Version = null }, nameof(approval));
        return entity;
    }

    private async Task IndexInvoiceOfDebtorAsync(InvoiceRecord invoice, CancellationToken cancellationToken) =>
        await _invoicesByDebtor.UpsertEntityAsync(InvoiceOfDebtorEntry(invoice), TableUpdateMode.Replace, cancellationToken);

    private static TableEntity InvoiceOfDebtorEntry(InvoiceRecord invoice) =>
        new(TableKeys.Escape(invoice.Invoice.Debtor.Id, "invoice.Debtor.Id"), TableKeys.Escape(invoice.Invoice.Number, "invoice.Number"));

    /// <summary>Adds the invoice whose debtor index entry is written; the stored one when its number already is.</summary>
    private async Task<AddResult<InvoiceRecord>> AddIndexedInvoiceAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        await IndexTermsAsync(invoice, cancellationToken);
        var version = await TryAddAsync(_invoices, InvoiceEntity(invoice), cancellationToken);
        if (version is not null)
        {
            return new AddResult<InvoiceRecord>(true, invoice with { Version = version });
        }

        var stored = await GetInvoiceAsync(invoice.Invoice.Number, cancellationToken)
            ?? throw new InvalidOperationException($"Invoice '{invoice.Invoice.Number}' exists but could not be read.");
        return new AddResult<InvoiceRecord>(false, stored);
    }

    private async Task<IReadOnlyList<InvoiceRecord>> ReadInvoicesAsync(IEnumerable<string> numbers, CancellationToken cancellationToken)
    {
        var invoices = await Task.WhenAll(numbers.Select(number => GetInvoiceAsync(number, cancellationToken)));
        return [.. invoices.OfType<InvoiceRecord>()];
    }

    private async Task ClaimTokenAsync(ApprovalRecord approval, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(TableKeys.Escape(approval.TokenHash, "approval.TokenHash"), Single) { ["ApprovalId"] = approval.Id };
        if (await TryAddAsync(_approvalTokens, claim, cancellationToken) is not null)
        {
            return;
        }

        var existing = await _approvalTokens.GetEntityAsync<TableEntity>(claim.PartitionKey, Single, cancellationToken: cancellationToken);
        if (existing.Value.GetString("ApprovalId") != approval.Id)
        {
            throw new InvalidOperationException($"approval.TokenHash is already used by another approval (storing '{approval.Id}').");
        }
    }

    private static IReadOnlyList<ContactLogEntry> InTimeOrder(IEnumerable<ContactLogEntry> entries) =>
        [.. entries.OrderBy(entry => entry.At.UtcTicks).ThenBy(entry => entry.Id, CodePointOrder.Instance)];

    private static async Task<List<T>> QueryPartitionAsync<T>(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var records = new List<T>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), cancellationToken: cancellationToken))
        {
            records.Add(TablePayload.Read<T>(entity));
        }

        return records;
    }

    private static async Task<T?> GetVersionedAsync<T>(
        TableClient table, string partitionKey, string rowKey, Func<T, string, T> withVersion, CancellationToken cancellationToken)
        where T : class
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return found.HasValue ? withVersion(TablePayload.Read<T>(found.Value!), found.Value!.ETag.ToString()) : null;
    }

    /// <returns>The new entity's ETag, or null when an entity with its keys already exists (409).</returns>
    private static async Task<string?> TryAddAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return null;
        }
    }

    private static async Task<string> ReplaceAsync(
        TableClient table, TableEntity entity, string expectedVersion, string kind, string id, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.UpdateEntityAsync(entity, new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString()
                ?? throw new InvalidOperationException($"Azure Tables returned no ETag for {kind} '{id}'.");
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            throw new StoreConflictException($"{kind} '{id}' was changed or removed since version {expectedVersion} was read.", exception);
        }
    }

    private async Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _creation.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await Task.WhenAll(new[]
                {
                    _invoices, _invoicesByDebtor, _payments, _paymentsByInvoice, _callTasks, _approvals,
                    _approvalTokens, _contacts, _contactsByDebtor, _outbox, _processed, _sentMessages, _leases, _sharedValues,
                    _invoiceTerms, _staffTasks, _invoiceStages,
                }.Select(table => table.CreateIfNotExistsAsync(cancellationToken)));
                _created = true;
            }
        }
        finally
        {
            _creation.Release();
        }
    }

    /// <summary>Unicode code point order, the order SQLite's BINARY collation gives UTF-8 text, so both stores sort alike.</summary>
    private sealed class CodePointOrder : IComparer<string>
    {
        public static CodePointOrder Instance { get; } = new();

        public int Compare(string? x, string? y) =>
            Encoding.UTF8.GetBytes(x ?? string.Empty).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? string.Empty));
    }
}
