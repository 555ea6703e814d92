using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Collections.Handlers;
using Collections.Handlers.Invoices;
using Collections.Handlers.Payments;

namespace Collections.Web.Api;

/// <summary>The accounting systems' API: invoices, payments they booked, credit notes, cancellations, disputes.
/// Each endpoint is a named method, so the Azure Functions app binds the same code.</summary>
internal static class InvoiceEndpoints
{
    public static RouteGroupBuilder MapInvoiceEndpoints(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/invoices").WithTags("Invoices");

        invoices.MapPost("/", SubmitAsync)
            .Accepts<InvoiceRequestDocument>("application/json")
            .Produces<InvoiceSummary>(StatusCodes.Status201Created)
            .Produces<InvoiceSummary>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Submit an invoice; starts its workflow. Idempotent on the invoice number.");

        invoices.MapPost("/batch", SubmitBatchAsync)
            .Accepts<InvoiceRequestDocument[]>("application/json")
            .Produces<InvoiceBatchItemResult[]>()
            .Produces<InvoiceBatchItemResult[]>(StatusCodes.Status207MultiStatus)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Submit up to 1,000 invoices, each exactly as a single submit; one result per invoice, in order. 207 when any was refused.");

        invoices.MapGet("/{number}", GetAsync)
            .WithSummary("An invoice with its status, stage, open balance, next step and contact timeline.");

        invoices.MapGet("/", ListAsync)
            .WithSummary("Invoices by number, optionally filtered by status, 50 per page.");

        invoices.MapPatch("/{number}", AmendAsync)
            .Accepts<InvoiceAmendment>("application/json")
            .Produces<InvoiceSummary>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Correct the amount or due date of an open invoice; its workflow states the new amount from its next message on. Idempotent.");

        invoices.MapPatch("/{number}/contact", UpdateContactAsync)
            .Accepts<ContactDetailsChange>("application/json")
            .Produces<InvoiceSummary>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("New email, phone or preferred channel for the invoice's debtor, on each of the debtor's open invoices; a workflow waiting for details continues. Idempotent.");

        invoices.MapPost("/{number}/payments", RecordPaymentAsync)
            .Accepts<PaymentRequest>("application/json")
            .WithSummary("A payment the accounting system booked; applied once per paymentId.");

        invoices.MapPost("/{number}/credit", CreditAsync)
            .Accepts<CreditNote>("application/json")
            .WithSummary("A credit note against the invoice; applied once per creditNoteNumber.");

        invoices.MapPost("/{number}/cancel", CancelAsync)
            .Accepts<CancelRequest>("application/json")
            .WithSummary("The invoice was withdrawn: stop chasing it.");

        invoices.MapPost("/{number}/pause", PauseAsync)
            .Accepts<PauseRequest>("application/json")
            .WithSummary("Stop chasing for now (no messages, calls or escalation); payments still count. Idempotent.");

        invoices.MapPost("/{number}/resume", ResumeAsync)
            .Accepts<ResumeRequest>("application/json")
            .WithSummary("Continue chasing: the step that was waiting keeps the time it had left. Idempotent.");

        invoices.MapPost("/{number}/disputes", DisputeAsync)
            .Accepts<DisputeChange>("application/json")
            .WithSummary("Open (pauses chasing) or resolve a dispute.");

        return api;
    }

    internal static async Task<IResult> SubmitAsync(HttpRequest request, SubmitInvoiceHandler handler, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestBody.ReadAsync(request, RequestBody.DefaultLimit, cancellationToken);
        return problem ?? (await handler.HandleAsync(Encoding.UTF8.GetString(body!), cancellationToken))
            .ToHttp(invoice => $"/api/invoices/{Uri.EscapeDataString(invoice.Number)}");
    }

    internal static async Task<IResult> SubmitBatchAsync(HttpRequest request, SubmitInvoiceBatchHandler handler, CancellationToken cancellationToken)
    {
        // The server's body limit is meant for single requests; a batch may be larger (where the host lets us raise it).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = InvoiceBatchRequest.MaxBodyBytes;
        }

        var (body, tooLarge) = await RequestBody.ReadAsync(request, InvoiceBatchRequest.MaxBodyBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var (batch, invalid) = InvoiceBatchRequest.Parse(body!);
        if (invalid is not null)
        {
            return invalid;
        }

        var outcomes = await handler.HandleAsync(batch!.Invoices, cancellationToken);
        var results = outcomes.Select((outcome, index) => InvoiceBatchItemResult.From(index, batch.Numbers[index], outcome)).ToList();
        return TypedResults.Json(results, statusCode: results.All(result => result.Succeeded) ? StatusCodes.Status200OK : StatusCodes.Status207MultiStatus);
    }

    internal static async Task<IResult> GetAsync(string number, InvoiceQueries queries, CancellationToken cancellationToken) =>
        (await queries.GetAsync(number, cancellationToken)).ToHttp();

    internal static async Task<IResult> ListAsync(string? status, string? page, string? pageSize, InvoiceQueries queries, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var pageNumber = QueryValues.Integer(page, "page", errors);
        var size = QueryValues.Integer(pageSize, "pageSize", errors);
        return errors.Any
            ? HandlerResults.Invalid(errors.ToDictionary())
            : (await queries.ListAsync(status, pageNumber, size, cancellationToken)).ToHttp();
    }

    internal static async Task<IResult> AmendAsync(string number, HttpRequest request, AmendInvoiceHandler handler, CancellationToken cancellationToken)
    {
        var (amendment, problem) = await RequestBody.ReadJsonAsync<InvoiceAmendment>(request, ApiJson.Options, cancellationToken);
        return problem ?? (await handler.HandleAsync(number, amendment!, cancellationToken)).ToHttp();
    }

    internal static async Task<IResult> UpdateContactAsync(string number, HttpRequest request, UpdateContactDetailsHandler handler, CancellationToken cancellationToken)
    {
        var (change, problem) = await RequestBody.ReadJsonAsync<ContactDetailsChange>(request, ApiJson.Options, cancellationToken);
        return problem ?? (await handler.HandleAsync(number, change!, cancellationToken)).ToHttp();
    }

    internal static async Task<IResult> RecordPaymentAsync(string number, HttpRequest request, RecordPaymentHandler handler, CancellationToken cancellationToken)
    {
        var (payment, problem) = await RequestBody.ReadJsonAsync<PaymentRequest>(request, ApiJson.Options, cancellationToken);
        return problem ?? (await handler.HandleAsync(number, payment!, PaymentSources.Accounting, cancellationToken)).ToHttp();
    }

    internal static async Task<IResult> CreditAsync(string number, HttpRequest request, CreditInvoiceHandler handler, CancellationToken cancellationToken)
    {
        var (credit, problem) = await RequestBody.ReadJsonAsync<CreditNote>(request, ApiJson.Options, cancellationToken);
        return problem ?? (await handler.HandleAsync(number, credit!, cancellationToken)).ToHttp();
    }

    internal static async Task<IResult> CancelAsync(string number, HttpRequest request, CancelInvoiceHandler handler, CancellationToken cancellationToken)
    {
        var (cancel, problem) = await OptionalBodyAsync(request, new CancelRequest(), cancellationToken);
        return problem ?? (await handler.HandleAsync(number, cancel!, cancellationToken)).ToHttp();
    }

    internal static async Task<IResult> PauseAsync(string number, HttpRequest request, PauseInvoiceHandler handler, CancellationToken cancellationToken)
    {
        var (pause, problem) = await OptionalBodyAsync(request, new PauseRequest(), cancellationToken);
        return problem ?? (await handler.PauseAsync(number, pause!, cancellationToken)).ToHttp();
    }

    internal static async Task<IResult> ResumeAsync(string number, HttpRequest request, PauseInvoiceHandler handler, CancellationToken cancellationToken)
    {
        var (resume, problem) = await OptionalBodyAsync(request, new ResumeRequest(), cancellationToken);
        return problem ?? (await handler.ResumeAsync(number, resume!, cancellationToken)).ToHttp();
    }

    /// <summary>A JSON body the caller may leave out; <paramref name="empty"/> when there is none.</summary>
    private static async Task<(T? Value, IResult? Problem)> OptionalBodyAsync<T>(HttpRequest request, T empty, CancellationToken cancellationToken)
        where T : class =>
        request.ContentLength is not 0 && request.HasJsonContentType()
            ? await RequestBody.ReadJsonAsync<T>(request, ApiJson.Options, cancellationToken)
            : (empty, null);

    internal static async Task<IResult> DisputeAsync(string number, HttpRequest request, DisputeInvoiceHandler handler, CancellationToken cancellationToken)
    {
        var (change, problem) = await RequestBody.ReadJsonAsync<DisputeChange>(request, ApiJson.Options, cancellationToken);
        return problem ?? (await handler.HandleAsync(number, change!, cancellationToken)).ToHttp();
    }
}
