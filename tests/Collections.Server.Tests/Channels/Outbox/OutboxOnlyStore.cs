using Collections.Storage;

namespace Collections.Server.Tests.Channels.Outbox;

/// <summary>A hand-written in-memory ICollectionsStore for the channel tests: the outbox works as the contract
/// says (once per Id, newest first), everything else is outside what channels may touch.</summary>
internal sealed class OutboxOnlyStore : ICollectionsStore
{
    private readonly List<OutboxMessage> outbox = [];

    public int AddCalls { get; private set; }

    public Task<bool> AddOutboxMessageAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        lock (outbox)
        {
            AddCalls++;
            if (outbox.Any(m => m.Id == message.Id))
            {
                return Task.FromResult(false);
            }

            outbox.Add(message);
            return Task.FromResult(true);
        }
    }

    public Task<StorePage<OutboxMessage>> ListOutboxAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        lock (outbox)
        {
            var newestFirst = Enumerable.Reverse(outbox).ToList();
            var items = newestFirst.Skip((page - 1) * pageSize).Take(pageSize).ToList();
            return Task.FromResult(new StorePage<OutboxMessage>(items, page, pageSize, newestFirst.Count));
        }
    }

    public Task<AddResult<InvoiceRecord>> AddInvoiceAsync(InvoiceRecord invoice, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<AddResult<InvoiceRecord>>> AddInvoicesAsync(IReadOnlyList<InvoiceRecord> invoices, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<InvoiceRecord?> GetInvoiceAsync(string number, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<InvoiceRecord> UpdateInvoiceAsync(InvoiceRecord invoice, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StorePage<InvoiceRecord>> ListInvoicesAsync(string? status, int page, int pageSize, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<InvoiceRecord>> ListInvoicesOfDebtorAsync(string debtorId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> AddPaymentAsync(PaymentRecord payment, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<PaymentRecord>> ListPaymentsAsync(string invoiceNumber, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> AddCallTaskAsync(CallTaskRecord task, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<CallTaskRecord?> GetCallTaskAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<CallTaskRecord> UpdateCallTaskAsync(CallTaskRecord task, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<CallTaskRecord>> ListOpenCallTasksAsync(DateTimeOffset? dueBy, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<CallTaskRecord>> ListCallTasksOfDebtorAsync(string debtorId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<OutboxMessage>> ListOutboxOfWorkflowAsync(string workflowInstanceId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RedactAsync(StoreRedaction redaction, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> AddApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ApprovalRecord?> GetApprovalAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ApprovalRecord?> FindApprovalByTokenHashAsync(string tokenHash, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ApprovalRecord> UpdateApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ApprovalRecord>> ListPendingApprovalsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> AppendContactAsync(ContactLogEntry entry, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ContactLogEntry>> ListContactsAsync(string invoiceNumber, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ContactLogEntry>> ListContactsOfDebtorAsync(string debtorId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TryMarkProcessedAsync(string scope, string id, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RecordSentMessageAsync(string providerMessageId, string tag, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string?> FindSentMessageTagAsync(string providerMessageId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<SharedValue?> GetSharedValueAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TrySetSharedValueAsync(string name, string value, string? expectedVersion, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<InvoiceSearchPage> SearchInvoicesAsync(InvoiceSearch search, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> SetInvoiceProgressAsync(string number, InvoiceProgress progress, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<StageTotal>> OpenInvoicesByStageAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, string>> InvoiceStagesAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<LadderTotals> LadderTotalsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<BookTotals> BookTotalsAsync(DateOnly invoicedFrom, DateOnly invoicedTo, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> AddStaffTaskAsync(StaffTaskRecord task, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StaffTaskRecord?> GetStaffTaskAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StaffTaskRecord> UpdateStaffTaskAsync(StaffTaskRecord task, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<StaffTaskRecord>> ListOpenStaffTasksAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<StaffTaskRecord>> ListStaffTasksOfDebtorAsync(string debtorId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
