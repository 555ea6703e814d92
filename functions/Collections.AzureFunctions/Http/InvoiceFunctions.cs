using Collections.AzureFunctions.Workflows;
using Collections.Handlers.Invoices;
using Collections.Handlers.Payments;
using Collections.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Collections.AzureFunctions.Http;

/// <summary>The accounting systems' API: the server's own endpoint methods (<c>InvoiceEndpoints</c>).</summary>
public sealed class InvoiceFunctions(
    SubmitInvoiceHandler submit,
    InvoiceQueries queries,
    RecordPaymentHandler payments,
    CreditInvoiceHandler credit,
    CancelInvoiceHandler cancel,
    DisputeInvoiceHandler dispute,
    PauseInvoiceHandler pause,
    AmendInvoiceHandler amend,
    UpdateContactDetailsHandler contact)
{
    [Function("SubmitInvoice")]
    public async Task<IResult> SubmitInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        return await InvoiceEndpoints.SubmitAsync(request, submit, cancellationToken);
    }

    [Function("GetInvoice")]
    public async Task<IResult> GetInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/invoices/{number}")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        return await InvoiceEndpoints.GetAsync(number, queries, cancellationToken);
    }

    [Function("ListInvoices")]
    public Task<IResult> ListInvoices(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/invoices")] HttpRequest request,
        CancellationToken cancellationToken) =>
        InvoiceEndpoints.ListAsync(request.Query["status"], request.Query["page"], request.Query["pageSize"], queries, cancellationToken);

    [Function("AmendInvoice")]
    public async Task<IResult> AmendInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/invoices/{number}")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        return await InvoiceEndpoints.AmendAsync(number, request, amend, cancellationToken);
    }

    [Function("UpdateContactDetails")]
    public async Task<IResult> UpdateContactDetails(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/invoices/{number}/contact")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        return await InvoiceEndpoints.UpdateContactAsync(number, request, contact, cancellationToken);
    }

    [Function("RecordPayment")]
    public async Task<IResult> RecordPayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/payments")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        return await InvoiceEndpoints.RecordPaymentAsync(number, request, payments, cancellationToken);
    }

    [Function("CreditInvoice")]
    public async Task<IResult> CreditInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/credit")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        return await InvoiceEndpoints.CreditAsync(number, request, credit, cancellationToken);
    }

    [Function("CancelInvoice")]
    public async Task<IResult> CancelInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/cancel")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        return await InvoiceEndpoints.CancelAsync(number, request, cancel, cancellationToken);
    }

    [Function("DisputeInvoice")]
    public async Task<IResult> DisputeInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/disputes")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        return await InvoiceEndpoints.DisputeAsync(number, request, dispute, cancellationToken);
    }

    [Function("PauseInvoice")]
    public async Task<IResult> PauseInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/pause")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        return await InvoiceEndpoints.PauseAsync(number, request, pause, cancellationToken);
    }

    [Function("ResumeInvoice")]
    public async Task<IResult> ResumeInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/resume")] HttpRequest request,
        string number,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        using var scope = DurableClientScope.Enter(durable);
        return await InvoiceEndpoints.ResumeAsync(number, request, pause, cancellationToken);
    }
}
