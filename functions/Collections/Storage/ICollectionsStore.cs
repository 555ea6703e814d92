namespace Collections.Storage;

/// <summary>
/// The product's store: invoices, payments, call tasks, approvals, the append-only contact log
/// and the message outbox. Implemented on SQLite (embedded) and Azure Tables (production); both
/// pass one contract test suite. Records carry a <c>Version</c> (row version / ETag): updates
/// succeed only against the version that was read, else <see cref="StoreConflictException"/>.
/// </summary>
public partial interface ICollectionsStore
{
    /// <summary>Adds the invoice unless its number is already stored; then returns the stored one.</summary>
    Task<AddResult<InvoiceRecord>> AddInvoiceAsync(InvoiceRecord invoice, CancellationToken cancellationToken);

    Task<InvoiceRecord?> GetInvoiceAsync(string number, CancellationToken cancellationToken);

    /// <summary>Bulk intake: each invoice as <see cref="AddInvoiceAsync"/> would add it, results in the same order.
    /// SQLite adds them all in one transaction (all or none); Azure Tables, where each invoice is its own partition,
    /// writes the debtor index in one batched transaction per debtor and then each invoice on its own, so a failure part-way
    /// leaves some added (a retry finds them stored). Numbers must be distinct (else ArgumentException).</summary>
    Task<IReadOnlyList<AddResult<InvoiceRecord>>> AddInvoicesAsync(IReadOnlyList<InvoiceRecord> invoices, CancellationToken cancellationToken);

    /// <summary>Replaces the invoice if its Version still matches; returns it with the new Version.</summary>
    Task<InvoiceRecord> UpdateInvoiceAsync(InvoiceRecord invoice, CancellationToken cancellationToken);

    /// <summary>Invoices ordered by number; <paramref name="status"/> null means all. <paramref name="page"/> starts at 1,
    /// <paramref name="pageSize"/> is 1–1000 (else ArgumentOutOfRangeException).</summary>
    Task<StorePage<InvoiceRecord>> ListInvoicesAsync(string? status, int page, int pageSize, CancellationToken cancellationToken);

    Task<IReadOnlyList<InvoiceRecord>> ListInvoicesOfDebtorAsync(string debtorId, CancellationToken cancellationToken);

    /// <summary>Records a payment once per PaymentId (also for invoices not known yet); false if already recorded.</summary>
    Task<bool> AddPaymentAsync(PaymentRecord payment, CancellationToken cancellationToken);

    /// <summary>Payments for the invoice in the order they were recorded (by RecordedAt, ties by PaymentId).</summary>
    Task<IReadOnlyList<PaymentRecord>> ListPaymentsAsync(string invoiceNumber, CancellationToken cancellationToken);

    /// <summary>Adds the call task once per Id; false if it already exists.</summary>
    Task<bool> AddCallTaskAsync(CallTaskRecord task, CancellationToken cancellationToken);

    Task<CallTaskRecord?> GetCallTaskAsync(string id, CancellationToken cancellationToken);

    Task<CallTaskRecord> UpdateCallTaskAsync(CallTaskRecord task, CancellationToken cancellationToken);

    /// <summary>Open call tasks due at or before <paramref name="dueBy"/> (all open ones when null), earliest first.</summary>
    Task<IReadOnlyList<CallTaskRecord>> ListOpenCallTasksAsync(DateTimeOffset? dueBy, CancellationToken cancellationToken);

    /// <summary>The debtor's call tasks in any status, oldest CreatedAt first (ties by Id).</summary>
    Task<IReadOnlyList<CallTaskRecord>> ListCallTasksOfDebtorAsync(string debtorId, CancellationToken cancellationToken);

    /// <summary>Adds the approval once per Id; false if it already exists. A TokenHash that another
    /// approval already has is refused with InvalidOperationException.</summary>
    Task<bool> AddApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken);

    Task<ApprovalRecord?> GetApprovalAsync(string id, CancellationToken cancellationToken);

    Task<ApprovalRecord?> FindApprovalByTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    Task<ApprovalRecord> UpdateApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken);

    /// <summary>Approvals without a Decision, oldest RequestedAt first.</summary>
    Task<IReadOnlyList<ApprovalRecord>> ListPendingApprovalsAsync(CancellationToken cancellationToken);

    /// <summary>Appends once per entry Id (activities are retried); false if already present.</summary>
    Task<bool> AppendContactAsync(ContactLogEntry entry, CancellationToken cancellationToken);

    /// <summary>The invoice's contact log in time order (ties by Id).</summary>
    Task<IReadOnlyList<ContactLogEntry>> ListContactsAsync(string invoiceNumber, CancellationToken cancellationToken);

    /// <summary>The debtor's contact log across invoices in time order.</summary>
    Task<IReadOnlyList<ContactLogEntry>> ListContactsOfDebtorAsync(string debtorId, CancellationToken cancellationToken);

    /// <summary>Stores a message in the local outbox once per Id; false if already stored.</summary>
    Task<bool> AddOutboxMessageAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Outbox messages, newest StoredAt first; paging as in <see cref="ListInvoicesAsync"/>.</summary>
    Task<StorePage<OutboxMessage>> ListOutboxAsync(int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Outbox messages a workflow's activities sent, to the debtor or to staff (their ids, the idempotency keys,
    /// start with "<paramref name="workflowInstanceId"/>:"), oldest StoredAt first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListOutboxOfWorkflowAsync(string workflowInstanceId, CancellationToken cancellationToken);

    /// <summary>Applies one invoice's personal-data redaction; removed data is overwritten on disk, not only unlinked.
    /// Applying the same redaction again changes nothing.</summary>
    Task RedactAsync(StoreRedaction redaction, CancellationToken cancellationToken);

    /// <summary>Marks a delivery (webhook event, Event Grid event) as processed; false if it was already.
    /// Used to apply at-least-once deliveries exactly once.</summary>
    Task<bool> TryMarkProcessedAsync(string scope, string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Remembers which message tag (the workflow instance id) a provider message id was sent with, for
    /// delivery reports that carry only the provider id (ACS email). Once per id: a second record keeps the first tag.</summary>
    Task RecordSentMessageAsync(string providerMessageId, string tag, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The tag recorded for the provider message id, or null when none was.</summary>
    Task<string?> FindSentMessageTagAsync(string providerMessageId, CancellationToken cancellationToken);

    /// <summary>Takes the named lease for <paramref name="holder"/> until <paramref name="until"/> when nobody holds it, or
    /// its holder's time ran out at <paramref name="now"/>; false while another holder has it. Holds across processes and
    /// instances that share the store (one voice per debtor); the expiry frees a lease whose holder crashed.</summary>
    Task<bool> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Gives the lease back if <paramref name="holder"/> still holds it; otherwise changes nothing.</summary>
    Task ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken);

    Task<SharedValue?> GetSharedValueAsync(string name, CancellationToken cancellationToken);

    /// <summary>Writes the value if it is still at <paramref name="expectedVersion"/> (null: only if it does not exist
    /// yet); false when another writer came first, so instances can update it read-modify-write.</summary>
    Task<bool> TrySetSharedValueAsync(string name, string value, string? expectedVersion, CancellationToken cancellationToken);
}
