using Collections.Handlers.Invoices;
using Collections.Privacy;
using Collections.Storage;
using Collections.Web.Pages;
using Collections.Web.Privacy;

namespace Collections.Web.Staff;

/// <summary>The invoice page's personal-data actions for signed-in staff: the debtor's subject access export (the API's
/// own endpoint method, HTML or JSON) and erasure, refused with its reason while an invoice of the debtor is open.</summary>
internal static class PersonalDataActions
{
    public static RouteGroupBuilder MapPersonalDataActions(this RouteGroupBuilder staff)
    {
        staff.MapGet("/debtors/{debtorId}/personal-data", PrivacyEndpoints.ExportAsync);

        staff.MapPost("/invoices/{number}/erasure", async (string number, HttpContext http, ICollectionsStore store, DebtorErasure erasure, InvoiceQueries queries) =>
        {
            var invoice = await store.GetInvoiceAsync(number, http.RequestAborted);
            if (invoice is null)
            {
                return await InvoicePageEndpoints.RenderAsync(http, number, queries);
            }

            var outcome = await erasure.EraseAsync(invoice.Invoice.Debtor.Id, http.RequestAborted);
            if (outcome.Succeeded)
            {
                return PageResult.SeeOther($"/staff/invoices/{Uri.EscapeDataString(number)}?done=erased");
            }

            return await InvoicePageEndpoints.RenderAsync(http, number, queries, errorKey: "invoice.eraseRefused", errorDetail: outcome.Detail);
        });

        return staff;
    }
}
