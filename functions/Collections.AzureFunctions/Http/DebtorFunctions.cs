using Collections.Storage;
using Collections.Web.DebtorPages;
using Collections.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Collections.AzureFunctions.Http;

/// <summary>The debtor page behind every message's link: the server's own endpoint methods (<c>DebtorEndpoints</c>),
/// with the header and the antiforgery check its route group adds. Each request re-checks the link's signature.</summary>
internal sealed class DebtorFunctions(
    DebtorLinks links, ICollectionsStore store, DebtorRequests requests, CreditorDetails creditor, WhatsAppOffer whatsApp, TimeProvider time)
{
    [Function("ShowDebtorPage")]
    public Task<IResult> ShowDebtorPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "debtor/{invoice}")] HttpRequest request,
        string invoice)
    {
        DebtorEndpoints.KeepLinkPrivate(request.HttpContext.Response.Headers);
        return DebtorEndpoints.ShowAsync(
            invoice, request.Query["e"], request.Query["s"], request.Query["done"], request.HttpContext, links, store, creditor, whatsApp, time);
    }

    [Function("ActOnDebtorPage")]
    public async Task<IResult> ActOnDebtorPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "debtor/{invoice}/{action}")] HttpRequest request,
        string invoice,
        string action)
    {
        DebtorEndpoints.KeepLinkPrivate(request.HttpContext.Response.Headers);
        return await AntiforgeryCheck.RefusalAsync(request.HttpContext)
            ?? await DebtorEndpoints.ActAsync(invoice, action, request.Query["e"], request.Query["s"], request.HttpContext, links, store, requests, creditor, whatsApp, time);
    }
}
