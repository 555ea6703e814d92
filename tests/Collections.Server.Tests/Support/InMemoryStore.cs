using System.Globalization;
using Collections.Storage;

namespace Collections.Server.Tests.Support;

/// <summary>A small in-memory <see cref="ICollectionsStore"/> with the contract's idempotency and
/// optimistic-concurrency rules, for API tests that do not need a database file.</summary>
internal sealed class InMemoryStore : ICollectionsStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, InvoiceRecord> invoices = new(StringComparer.Ordinal);
    private readonly List<PaymentRecord> payments = [];
    private readonly Dictionary<string, CallTaskRecord> calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApprovalRecord> approvals = new(StringComparer.Ordinal);
    private readonly List<ContactLogEntry> contacts = [];
    private readonly List<OutboxMessage> outbox = [];
    private readonly HashSet<string> processed = new(StringComparer.Ordinal);
    private long version;

    public Task<AddResult<InvoiceRecord>> AddInvoiceAsync(InvoiceRecord invoice, CancellationToken cancellationToken)
    {
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
        lock (gate)
        {
            var current = invoices.GetValueOrDefault(invoice.Invoice.Number);
            CheckVersion(current?.Version, invoice.Version);
            var stored = invoice with { Version = NextVersion() };
            invoices[invoice.Invoice.Number] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<StorePage<InvoiceRecord>> ListInvoicesAsync(string? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var matching = invoices.Values.Where(invoice => status is null || invoice.Status == status)
                .OrderBy(invoice => invoice.Invoice.Number, StringComparer.Ordinal).ToList();
            return Task.FromResult(new StorePage<InvoiceRecord>(
                matching.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, matching.Count));
        }
    }

    public Task<IReadOnlyList<InvoiceRecord>> ListInvoicesOfDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<InvoiceRecord>>(invoices.Values.Where(invoice => invoice.Invoice.Debtor.Id == debtorId).ToList());
        }
    }

    public Task<bool> AddPaymentAsync(PaymentRecord payment, CancellationToken cancellationToken)
    {
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
            return Task.FromResult<IReadOnlyList<PaymentRecord>>(payments.Where(payment => payment.InvoiceNumber == invoiceNumber).ToList());
        }
    }

    public Task<bool> AddCallTaskAsync(CallTaskRecord task, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(calls.TryAdd(task.Id, task with { Version = NextVersion() }));
        }
    }

    public Task<CallTaskRecord?> GetCallTaskAsync(string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(calls.GetValueOrDefault(id));
        }
    }

    public Task<CallTaskRecord> UpdateCallTaskAsync(CallTaskRecord task, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            CheckVersion(calls.GetValueOrDefault(task.Id)?.Version, task.Version);
            var stored = task with { Version = NextVersion() };
            calls[task.Id] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<CallTaskRecord>> ListOpenCallTasksAsync(DateTimeOffset? dueBy, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<CallTaskRecord>>(calls.Values
                .Where(task => task.Status == "open" && (dueBy is null || task.DueBy <= dueBy))
                .OrderBy(task => task.DueBy).ToList());
        }
    }

    public Task<bool> AddApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken)
    {
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
        lock (gate)
        {
            CheckVersion(approvals.GetValueOrDefault(approval.Id)?.Version, approval.Version);
            var stored = approval with { Version = NextVersion() };
            approvals[approval.Id] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<ApprovalRecord>> ListPendingApprovalsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ApprovalRecord>>(approvals.Values.Where(approval => approval.Decision is null).ToList());
        }
    }

    public Task<bool> AppendContactAsync(ContactLogEntry entry, CancellationToken cancellationToken)
    {
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
            return Task.FromResult<IReadOnlyList<ContactLogEntry>>(contacts.Where(entry => entry.InvoiceNumber == invoiceNumber).OrderBy(entry => entry.At).ToList());
        }
    }

    public Task<IReadOnlyList<ContactLogEntry>> ListContactsOfDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ContactLogEntry>>(contacts.Where(entry => entry.DebtorId == debtorId).OrderBy(entry => entry.At).ToList());
        }
    }

    public Task<bool> AddOutboxMessageAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
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
            var newestFirst = outbox.OrderByDescending(message => message.StoredAt).ToList();
            return Task.FromResult(new StorePage<OutboxMessage>(
                newestFirst.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, newestFirst.Count));
        }
    }

    public Task<bool> TryMarkProcessedAsync(string scope, string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(processed.Add($"{scope}\n{id}"));
        }
    }

    private static void CheckVersion(string? current, string? expected)
    {
        if (current is null || current != expected)
        {
            throw new StoreConflictException($"Version {expected} is not current ({current}).");
        }
    }

    private string NextVersion() => (++version).ToString(CultureInfo.InvariantCulture);
}
