namespace Collections.Web.Staff;

/// <summary>The addresses of the staff pages about one invoice or one debtor, their keys escaped.</summary>
internal static class StaffLinks
{
    public static string Invoice(string number) => "/staff/invoices/" + Uri.EscapeDataString(number);

    public static string Debtor(string debtorId) => "/staff/debtors/" + Uri.EscapeDataString(debtorId);
}
