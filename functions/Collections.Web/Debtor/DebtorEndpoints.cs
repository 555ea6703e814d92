using Collections.Handlers;
using Collections.Links;
using Collections.Storage;
using Collections.Web.Components.DebtorPages;
using Collections.Web.Components.Shared;
using Collections.Web.Pages;
using Collections.Web.Staff;

namespace Collections.Web.DebtorPages;

/// <summary><c>/debtor/{invoice}?e=…&amp;s=…</c>: the page behind every message's link, without sign-in;
/// every request (also each POST) re-checks the link's signature and expiry.</summary>
internal static class DebtorEndpoints
{
    public static IEndpointRouteBuilder MapDebtorPages(this IEndpointRouteBuilder app)
    {
        var debtor = app.MapGroup("/debtor")
            .ExcludeFromDescription()
            .RequireAntiforgeryToken()
            .AddEndpointFilter(async (context, next) =>
            {
                KeepLinkPrivate(context.HttpContext.Response.Headers);
                return await next(context);
            });

        debtor.MapGet("/{invoice}", ShowAsync);
        debtor.MapPost("/{invoice}/{action}", ActAsync);
        return app;
    }

    /// <summary>The signature is in the URL: keep it out of search indexes.</summary>
    internal static void KeepLinkPrivate(IHeaderDictionary headers) => headers["X-Robots-Tag"] = "noindex";

    internal static async Task<IResult> ShowAsync(
        string invoice, string? e, string? s, string? done, HttpContext http, DebtorLinks links, ICollectionsStore store, CreditorDetails creditor, WhatsAppOffer whatsApp, TimeProvider time)
    {
        var (record, refused) = await OpenAsync(invoice, e, s, http, links, store);
        return refused ?? await PageAsync(http, record!, links, store, creditor, whatsApp, time, LinkQuery(e, s), done: done);
    }

    /// <summary>One of the page's answers (<c>paid</c>, <c>plan</c>, …); the antiforgery token is checked before this runs.</summary>
    internal static async Task<IResult> ActAsync(
        string invoice, string action, string? e, string? s, HttpContext http, DebtorLinks links, ICollectionsStore store, DebtorRequests requests, CreditorDetails creditor, WhatsAppOffer whatsApp, TimeProvider time)
    {
        var (record, refused) = await OpenAsync(invoice, e, s, http, links, store);
        if (refused is not null)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        FieldErrors errors = action switch
        {
            DebtorActions.Paid => await requests.AlreadyPaidAsync(record!, form, http.RequestAborted),
            DebtorActions.Plan => await requests.ProposePlanAsync(record!, CallOutcomeForm.Read(form), links.Options, http.RequestAborted),
            DebtorActions.Problem => await requests.ReportProblemAsync(record!, form, http.RequestAborted),
            DebtorActions.Callback => await requests.CallMeBackAsync(record!, form, http.RequestAborted),
            DebtorActions.WhatsAppOn => await requests.ChangeWhatsAppConsentAsync(record!, given: true, http.RequestAborted),
            DebtorActions.WhatsAppOff => await requests.ChangeWhatsAppConsentAsync(record!, given: false, http.RequestAborted),
            _ => new FieldErrors().Add("action", "unknown"),
        };
        if (!errors.Any)
        {
            return PageResult.SeeOther($"/debtor/{Uri.EscapeDataString(invoice)}?{LinkQuery(e, s)}&done={action}#main");
        }

        return await PageAsync(http, record!, links, store, creditor, whatsApp, time, LinkQuery(e, s), failed: new FailedDebtorForm(action, form, errors.ToDictionary()));
    }

    /// <summary>In the debtor's language unless the reader chose another.</summary>
    private static async Task<IResult> PageAsync(
        HttpContext http, InvoiceRecord record, DebtorLinks links, ICollectionsStore store, CreditorDetails creditor, WhatsAppOffer whatsApp, TimeProvider time,
        string linkQuery, string? done = null, FailedDebtorForm? failed = null)
    {
        var claim = await ClaimAsync(record, store, creditor, time, http.RequestAborted);
        return PageResult.Render<DebtorPage>(
            http,
            new { Record = record, Options = links.Options, Claim = claim, LinkQuery = linkQuery, Done = done, OfferWhatsApp = whatsApp.For(record), Failed = failed },
            failed is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
            preferredLanguage: record.Invoice.Debtor.Language);
    }

    private static async Task<(InvoiceRecord? Record, IResult? Refused)> OpenAsync(
        string invoice, string? e, string? s, HttpContext http, DebtorLinks links, ICollectionsStore store)
    {
        var status = links.Verify(invoice, e, s);
        var record = status == DebtorLinkStatus.Valid ? await store.GetInvoiceAsync(invoice, http.RequestAborted) : null;
        if (record is null)
        {
            return (null, NotValid(http, status == DebtorLinkStatus.Expired));
        }

        return (record, null);
    }

    /// <summary>An expired link (410) or one that does not work (404): in the reader's language, since the link no
    /// longer says whose it is.</summary>
    private static IResult NotValid(HttpContext http, bool expired) => expired
        ? PageResult.Render<NoticePage>(http, new { TitleKey = "debtor.expired.title", TextKey = "debtor.expired.text" }, StatusCodes.Status410Gone)
        : PageResult.Render<NoticePage>(http, new { TitleKey = "debtor.invalid.title", TextKey = "debtor.invalid.text" }, StatusCodes.Status404NotFound);

    private static async Task<DebtorClaim> ClaimAsync(InvoiceRecord record, ICollectionsStore store, CreditorDetails creditor, TimeProvider time, CancellationToken cancellationToken) =>
        new(creditor, FinalNoticeTerm.Latest(await store.ListContactsAsync(record.Invoice.Number, cancellationToken)), PageClock.Today(time));

    private static string LinkQuery(string? e, string? s) => $"e={Uri.EscapeDataString(e ?? string.Empty)}&s={Uri.EscapeDataString(s ?? string.Empty)}";
}
