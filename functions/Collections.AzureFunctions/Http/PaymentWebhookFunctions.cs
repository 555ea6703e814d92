using Collections.Handlers.Payments;
using Collections.Infrastructure.Payments;
using Collections.Web.Api;
using Collections.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collections.AzureFunctions.Http;

/// <summary>Payment providers' webhooks: the server's own endpoint methods (<c>PaymentWebhookEndpoints</c>).</summary>
public sealed class PaymentWebhookFunctions(
    IOptions<CollectionsOptions> options,
    IOptions<MollieOptions> mollie,
    TimeProvider time,
    IHttpClientFactory http,
    ILoggerFactory loggers,
    RecordPaymentHandler payments)
{
    [Function("GenericPaymentWebhook")]
    public Task<IResult> GenericPaymentWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/payments")] HttpRequest request,
        CancellationToken cancellationToken) =>
        PaymentWebhookEndpoints.GenericAsync(request, options, payments, cancellationToken);

    [Function("StripeWebhook")]
    public Task<IResult> StripeWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/stripe")] HttpRequest request,
        CancellationToken cancellationToken) =>
        PaymentWebhookEndpoints.StripeAsync(request, options, time, payments, cancellationToken);

    [Function("MollieWebhook")]
    public Task<IResult> MollieWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/mollie")] HttpRequest request,
        CancellationToken cancellationToken) =>
        PaymentWebhookEndpoints.MollieAsync(request, mollie, http, payments, loggers, cancellationToken);
}
