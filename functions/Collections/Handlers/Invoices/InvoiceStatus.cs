namespace Collections.Handlers.Invoices;

/// <summary>The values of <see cref="Storage.InvoiceRecord.Status"/>.</summary>
public static class InvoiceStatus
{
    public const string Open = "open";
    public const string Paid = "paid";
    public const string Cancelled = "cancelled";
    public const string HandedOver = "handed-over";
    public const string ClosedByStaff = "closed-by-staff";

    public static readonly IReadOnlyList<string> All = [Open, Paid, Cancelled, HandedOver, ClosedByStaff];
}
