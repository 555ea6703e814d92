using Collections.Storage;

namespace Collections.Server.Simulation;

/// <summary>The store contract in memory, for <c>simulate</c> and workflow tests: versions are counters,
/// add operations are idempotent by id, updates check the version like the real stores.</summary>
public sealed class InMemoryCollectionsStore : ICollectionsStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, InvoiceRecord> invoices = new(StringComparer.Ordinal);
    private readonly List<PaymentRecord> payments = [];
    private readonly Dictionary<string, CallTaskRecord> callTasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApprovalRecord> approvals = new(StringComparer.Ordinal);
    private readonly List<ContactLogEntry> contacts = [];
    private readonly List<OutboxMessage> outbox = [];
    private readonly HashSet<string> processed = new(StringComparer.Ordinal);
    private long version;

    public Task<AddResult<InvoiceRecord>> AddInvoiceAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        lock (gate)
        {
            if (invoices.TryGetValue(invoice.Invoice.Number, out var existing))
            {
                return Task.FromResult(new AddResult<InvoiceRecord>(false, existing));
            }

            var stored = invoice with { Version = NextVersion() };
            invoices[invoice.Invoice.Number] = stored;
            return Task.FromResult(new AddResult<InvoiceRecord>(true, stored));
        }
    }

    public Task<InvoiceRecord?> GetInvoiceAsync(string number, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(invoices.GetValueOrDefault(number));
        }
    }

    public Task<InvoiceRecord> UpdateInvoiceAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        lock (gate)
        {
            var stored = Replace(invoices, invoice.Invoice.Number, invoice, invoice.Version, (record, v) => record with { Version = v });
            return Task.FromResult(stored);
        }
    }

    public Task<StorePage<InvoiceRecord>> ListInvoicesAsync(string? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var all = invoices.Values.Where(record => status is null || record.Status == status).OrderBy(record => record.Invoice.Number, StringComparer.Ordinal).ToList();
            return Task.FromResult(new StorePage<InvoiceRecord>([.. all.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, all.Count));
        }
    }

    public Task<IReadOnlyList<InvoiceRecord>> ListInvoicesOfDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<InvoiceRecord>>([.. invoices.Values.Where(record => record.Invoice.Debtor.Id == debtorId).OrderBy(record => record.Invoice.Number, StringComparer.Ordinal)]);
        }
    }

    public Task<bool> AddPaymentAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        lock (gate)
        {
            if (payments.Any(existing => existing.PaymentId == payment.PaymentId))
            {
                return Task.FromResult(false);
            }

            payments.Add(payment);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<PaymentRecord>> ListPaymentsAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<PaymentRecord>>([.. payments.Where(payment => payment.InvoiceNumber == invoiceNumber)]);
        }
    }

    public Task<bool> AddCallTaskAsync(CallTaskRecord task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (gate)
        {
            return Task.FromResult(callTasks.TryAdd(task.Id, task with { Version = NextVersion() }));
        }
    }

    public Task<CallTaskRecord?> GetCallTaskAsync(string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(callTasks.GetValueOrDefault(id));
        }
    }

    public Task<CallTaskRecord> UpdateCallTaskAsync(CallTaskRecord task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (gate)
        {
            return Task.FromResult(Replace(callTasks, task.Id, task, task.Version, (record, v) => record with { Version = v }));
        }
    }

    public Task<IReadOnlyList<CallTaskRecord>> ListOpenCallTasksAsync(DateTimeOffset? dueBy, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<CallTaskRecord>>([.. callTasks.Values
                .Where(task => task.Status == "open" && (dueBy is null || task.DueBy <= dueBy))
                .OrderBy(task => task.DueBy)]);
        }
    }

    public Task<bool> AddApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        lock (gate)
        {
            return Task.FromResult(approvals.TryAdd(approval.Id, approval with { Version = NextVersion() }));
        }
    }

    public Task<ApprovalRecord?> GetApprovalAsync(string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(approvals.GetValueOrDefault(id));
        }
    }

    public Task<ApprovalRecord?> FindApprovalByTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(approvals.Values.FirstOrDefault(approval => approval.TokenHash == tokenHash));
        }
    }

    public Task<ApprovalRecord> UpdateApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        lock (gate)
        {
            return Task.FromResult(Replace(approvals, approval.Id, approval, approval.Version, (record, v) => record with { Version = v }));
        }
    }

    public Task<IReadOnlyList<ApprovalRecord>> ListPendingApprovalsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ApprovalRecord>>([.. approvals.Values.Where(approval => approval.Decision is null).OrderBy(approval => approval.RequestedAt)]);
        }
    }

    public Task<bool> AppendContactAsync(ContactLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            if (contacts.Any(existing => existing.Id == entry.Id))
            {
                return Task.FromResult(false);
            }

            contacts.Add(entry);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ContactLogEntry>> ListContactsAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ContactLogEntry>>([.. contacts.Where(entry => entry.InvoiceNumber == invoiceNumber).OrderBy(entry => entry.At)]);
        }
    }

    public Task<IReadOnlyList<ContactLogEntry>> ListContactsOfDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ContactLogEntry>>([.. contacts.Where(entry => entry.DebtorId == debtorId).OrderBy(entry => entry.At)]);
        }
    }

    public Task<bool> AddOutboxMessageAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (gate)
        {
            if (outbox.Any(existing => existing.Id == message.Id))
            {
                return Task.FromResult(false);
            }

            outbox.Add(message);
            return Task.FromResult(true);
        }
    }

    public Task<StorePage<OutboxMessage>> ListOutboxAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var all = outbox.AsEnumerable().Reverse().ToList();
            return Task.FromResult(new StorePage<OutboxMessage>([.. all.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, all.Count));
        }
    }

    public Task<bool> TryMarkProcessedAsync(string scope, string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(processed.Add(scope + "\n" + id));
        }
    }

    private string NextVersion() => (++version).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private T Replace<T>(Dictionary<string, T> table, string key, T record, string? expectedVersion, Func<T, string, T> withVersion)
    {
        if (!table.TryGetValue(key, out var existing))
        {
            throw new KeyNotFoundException($"No record '{key}'.");
        }

        var existingVersion = existing switch
        {
            InvoiceRecord invoice => invoice.Version,
            CallTaskRecord task => task.Version,
            ApprovalRecord approval => approval.Version,
            _ => null,
        };
        if (existingVersion != expectedVersion)
        {
            throw new StoreConflictException($"'{key}' was changed meanwhile (version {existingVersion}, expected {expectedVersion}).");
        }

        var stored = withVersion(record, NextVersion());
        table[key] = stored;
        return stored;
    }
}
