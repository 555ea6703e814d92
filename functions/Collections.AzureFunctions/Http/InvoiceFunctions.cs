using System.Text;
using Collections.AzureFunctions.Workflows;
using Collections.Handlers;
using Collections.Handlers.Invoices;
using Collections.Handlers.Payments;
using Collections.Server.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Collections.AzureFunctions.Http;

/// <summary>The accounting systems' API (server: <c>InvoiceEndpoints</c>), bound to the same handlers.</summary>
public sealed class InvoiceFunctions(
    SubmitInvoiceHandler submit,
    InvoiceQueries queries,
    RecordPaymentHandler payments,
    CreditInvoiceHandler credit,
    CancelInvoiceHandler cancel,
    DisputeInvoiceHandler dispute)
{
    [Function("SubmitInvoice")]
    public async Task<IResult> SubmitInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        var (body, problem) = await RequestBody.ReadAsync(request, RequestBody.DefaultLimit, cancellationToken);
        return problem ?? (await submit.HandleAsync(Encoding.UTF8.GetString(body!), cancellationToken))
            .ToHttp(invoice => $"/api/invoices/{Uri.EscapeDataString(invoice.Number)}");
    }

    [Function("GetInvoice")]
    public async Task<IResult> GetInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/invoices/{number}")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        return (await queries.GetAsync(number, cancellationToken)).ToHttp();
    }

    [Function("ListInvoices")]
    public async Task<IResult> ListInvoices(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/invoices")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var page = QueryValues.Integer(request.Query["page"], "page", errors);
        var pageSize = QueryValues.Integer(request.Query["pageSize"], "pageSize", errors);
        return errors.Any
            ? HandlerResults.Invalid(errors.ToDictionary())
            : (await queries.ListAsync(request.Query["status"], page, pageSize, cancellationToken)).ToHttp();
    }

    [Function("RecordPayment")]
    public async Task<IResult> RecordPayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/payments")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        var (payment, problem) = await RequestBody.ReadJsonAsync<PaymentRequest>(request, ApiJson.Options, cancellationToken);
        return problem ?? (await payments.HandleAsync(number, payment!, PaymentSources.Accounting, cancellationToken)).ToHttp();
    }

    [Function("CreditInvoice")]
    public async Task<IResult> CreditInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/credit")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        var (note, problem) = await RequestBody.ReadJsonAsync<CreditNote>(request, ApiJson.Options, cancellationToken);
        return problem ?? (await credit.HandleAsync(number, note!, cancellationToken)).ToHttp();
    }

    [Function("CancelInvoice")]
    public async Task<IResult> CancelInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/cancel")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        var cancelRequest = new CancelRequest();
        if (request.ContentLength is not 0 && request.HasJsonContentType())
        {
            var (parsed, problem) = await RequestBody.ReadJsonAsync<CancelRequest>(request, ApiJson.Options, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            cancelRequest = parsed!;
        }

        return (await cancel.HandleAsync(number, cancelRequest, cancellationToken)).ToHttp();
    }

    [Function("DisputeInvoice")]
    public async Task<IResult> DisputeInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/disputes")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        var (change, problem) = await RequestBody.ReadJsonAsync<DisputeChange>(request, ApiJson.Options, cancellationToken);
        return problem ?? (await dispute.HandleAsync(number, change!, cancellationToken)).ToHttp();
    }
}
