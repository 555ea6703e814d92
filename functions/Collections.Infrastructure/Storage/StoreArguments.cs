using Collections.Storage;

namespace Collections.Infrastructure.Storage;

/// <summary>Input checks both stores share, so bad input fails with the field's name before anything is written.</summary>
internal static class StoreArguments
{
    public static void RequireKey(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is required.", field);
        }
    }

    public static string RequireVersion(string? version, string field)
    {
        if (version is null)
        {
            throw new ArgumentException($"{field} must be the Version that was read; the record has none (was it stored?).", field);
        }

        return version;
    }

    public static void RequirePaging(int page, int pageSize)
    {
        if (page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, "page starts at 1.");
        }

        if (pageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "pageSize must be between 1 and 1000.");
        }
    }

    public static void CheckDistinct(IReadOnlyList<InvoiceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            Check(record);
            if (!numbers.Add(record.Invoice.Number))
            {
                throw new ArgumentException($"Invoice number '{record.Invoice.Number}' appears twice in one bulk add.", nameof(records));
            }
        }
    }

    public static void Check(InvoiceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(record.Invoice, "invoice.Invoice");
        RequireKey(record.Invoice.Number, "invoice.Number");
        ArgumentNullException.ThrowIfNull(record.Invoice.Debtor, "invoice.Debtor");
        RequireKey(record.Invoice.Debtor.Id, "invoice.Debtor.Id");
        RequireKey(record.Status, "invoice.Status");
    }

    public static void Check(PaymentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        RequireKey(record.PaymentId, "payment.PaymentId");
        RequireKey(record.InvoiceNumber, "payment.InvoiceNumber");
    }

    public static void Check(CallTaskRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        RequireKey(record.Id, "task.Id");
        RequireKey(record.DebtorId, "task.DebtorId");
        RequireKey(record.Status, "task.Status");
        ArgumentNullException.ThrowIfNull(record.InvoiceNumbers, "task.InvoiceNumbers");
    }

    public static void Check(ApprovalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        RequireKey(record.Id, "approval.Id");
        RequireKey(record.InvoiceNumber, "approval.InvoiceNumber");
        RequireKey(record.TokenHash, "approval.TokenHash");
    }

    public static void Check(ContactLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        RequireKey(entry.Id, "entry.Id");
        RequireKey(entry.InvoiceNumber, "entry.InvoiceNumber");
        RequireKey(entry.DebtorId, "entry.DebtorId");
    }

    public static void Check(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        RequireKey(message.Id, "message.Id");
        ArgumentNullException.ThrowIfNull(message.Message, "message.Message");
    }

    public static void Check(StaffTaskRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        RequireKey(record.Id, "task.Id");
        RequireKey(record.Kind, "task.Kind");
        RequireKey(record.InvoiceNumber, "task.InvoiceNumber");
        RequireKey(record.DebtorId, "task.DebtorId");
        RequireKey(record.Status, "task.Status");
    }
}
