using Collections.Handlers.Invoices;
using Collections.Handlers.Payments;
using Collections.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Collections.AzureFunctions.Http;

/// <summary>The accounting systems' API: the server's own endpoint methods (<c>InvoiceEndpoints</c>).</summary>
public sealed class InvoiceFunctions(
    SubmitInvoiceHandler submit,
    SubmitInvoiceBatchHandler submitBatch,
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
    public Task<IResult> SubmitInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices")] HttpRequest request,
        CancellationToken cancellationToken) =>
        InvoiceEndpoints.SubmitAsync(request, submit, cancellationToken);

    [Function("SubmitInvoiceBatch")]
    public Task<IResult> SubmitInvoiceBatch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/batch")] HttpRequest request,
        CancellationToken cancellationToken) =>
        InvoiceEndpoints.SubmitBatchAsync(request, submitBatch, cancellationToken);

    [Function("GetInvoice")]
    public Task<IResult> GetInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/invoices/{number}")] HttpRequest request,
        string number,
        CancellationToken cancellationToken) =>
        InvoiceEndpoints.GetAsync(number, queries, cancellationToken);

    [Function("ListInvoices")]
    public Task<IResult> ListInvoices(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/invoices")] HttpRequest request,
        CancellationToken cancellationToken) =>
        InvoiceEndpoints.ListAsync(request.Query["status"], request.Query["page"], request.Query["pageSize"], queries, cancellationToken);

    [Function("AmendInvoice")]
    public Task<IResult> AmendInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/invoices/{number}")] HttpRequest request,
        string number,
        CancellationToken cancellationToken) =>
        InvoiceEndpoints.AmendAsync(number, request, amend, cancellationToken);

    [Function("UpdateContactDetails")]
    public Task<IResult> UpdateContactDetails(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/invoices/{number}/contact")] HttpRequest request,
        string number,
        CancellationToken cancellationToken) =>
        InvoiceEndpoints.UpdateContactAsync(number, request, contact, cancellationToken);

    [Function("RecordPayment")]
    public Task<IResult> RecordPayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/payments")] HttpRequest request,
        string number,
        CancellationToken cancellationToken) =>
        InvoiceEndpoints.RecordPaymentAsync(number, request, payments, cancellationToken);

    [Function("CreditInvoice")]
    public Task<IResult> CreditInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/credit")] HttpRequest request,
        string number,
        CancellationToken cancellationToken) =>
        InvoiceEndpoints.CreditAsync(number, request, credit, cancellationToken);

    [Function("CancelInvoice")]
    public Task<IResult> CancelInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/cancel")] HttpRequest request,
        string number,
        CancellationToken cancellationToken) =>
        InvoiceEndpoints.CancelAsync(number, request, cancel, cancellationToken);

    [Function("DisputeInvoice")]
    public Task<IResult> DisputeInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/disputes")] HttpRequest request,
        string number,
        CancellationToken cancellationToken) =>
        InvoiceEndpoints.DisputeAsync(number, request, dispute, cancellationToken);

    [Function("PauseInvoice")]
    public Task<IResult> PauseInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/pause")] HttpRequest request,
        string number,
        CancellationToken cancellationToken) =>
        InvoiceEndpoints.PauseAsync(number, request, pause, cancellationToken);

    [Function("ResumeInvoice")]
    public Task<IResult> ResumeInvoice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/invoices/{number}/resume")] HttpRequest request,
        string number,
        CancellationToken cancellationToken) =>
        InvoiceEndpoints.ResumeAsync(number, request, pause, cancellationToken);
}
