using Collections.Handlers;
using Collections.Handlers.Payments;
using Collections.Infrastructure.Payments;
using Collections.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Collections.Web.Api;

/// <summary>
/// Payment providers' webhooks. No API key: each request proves itself (a signature, or for Mollie a
/// fetch-back with our key); a failed proof is a 401 and changes nothing. Every payment is recorded
/// once per payment id, however often it is delivered.
/// </summary>
internal static class PaymentWebhookEndpoints
{
    private const int BodyLimit = 64 * 1024;

    public static IEndpointRouteBuilder MapPaymentWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/webhooks").WithTags("Payment webhooks");

        webhooks.MapPost("/payments", GenericAsync)
            .WithSummary("Generic payment notice; X-Signature: sha256=<hex HMAC-SHA256 of the body>.");

        webhooks.MapPost("/stripe", StripeAsync)
            .WithSummary("Stripe events (Stripe-Signature, 5 minutes tolerance); payment_intent.succeeded and paid Checkout Sessions are applied.");

        webhooks.MapPost("/mollie", MollieAsync)
            .WithSummary("Mollie's id=tr_… notice; the payment is fetched from the Mollie API and applied only when paid.");

        return app;
    }

    internal static async Task<IResult> GenericAsync(HttpRequest request, IOptions<CollectionsOptions> options, RecordPaymentHandler payments, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestBody.ReadAsync(request, BodyLimit, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (options.Value.Webhooks.Secret is not { Length: > 0 } secret)
        {
            return NotAuthentic("The payment webhook is not configured (Collections:Webhooks:Secret).");
        }

        var check = new GenericWebhookVerifier(secret).Verify(body, request.Headers[GenericWebhookVerifier.HeaderName]);
        if (!check.IsValid)
        {
            return NotAuthentic(check.Message);
        }

        var parsed = GenericPaymentWebhook.Parse(body);
        return parsed.IsValid
            ? await ApplyAsync(parsed.Notice, PaymentSources.Webhook, payments, cancellationToken)
            : HandlerResults.Invalid(parsed.Errors);
    }

    internal static async Task<IResult> StripeAsync(HttpRequest request, IOptions<CollectionsOptions> options, TimeProvider time, RecordPaymentHandler payments, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestBody.ReadAsync(request, BodyLimit, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (options.Value.Stripe.WebhookSecret is not { Length: > 0 } secret)
        {
            return NotAuthentic("The Stripe webhook is not configured (Collections:Stripe:WebhookSecret).");
        }

        var check = new StripeSignatureVerifier(secret, time).Verify(body, request.Headers[StripeSignatureVerifier.HeaderName]);
        if (!check.IsValid)
        {
            return NotAuthentic(check.Message);
        }

        StripeEvent stripeEvent;
        try
        {
            stripeEvent = StripeEventParser.Parse(body);
        }
        catch (PaymentPayloadException exception)
        {
            return HandlerResults.Invalid(new FieldErrors().Add(exception.Field, exception.Message).ToDictionary());
        }

        return stripeEvent.Payment is { } payment
            ? await ApplyAsync(payment, PaymentSources.Stripe, payments, cancellationToken)
            : Ignored(stripeEvent.NoPaymentBecause);
    }

    internal static async Task<IResult> MollieAsync(HttpRequest request, IOptions<MollieOptions> options, IHttpClientFactory http, RecordPaymentHandler payments, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.ApiKey))
        {
            return NotAuthentic("The Mollie webhook is not configured (Collections:Mollie:ApiKey).");
        }

        var (body, problem) = await RequestBody.ReadAsync(request, BodyLimit, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        string paymentId;
        MolliePayment fetched;
        try
        {
            paymentId = MollieWebhook.ReadPaymentId(System.Text.Encoding.UTF8.GetString(body!));
            var mollie = new MollieClient(http.CreateClient(nameof(MollieClient)), options.Value);
            fetched = await mollie.GetPaymentAsync(paymentId, cancellationToken);
        }
        catch (PaymentPayloadException exception)
        {
            return HandlerResults.Invalid(new FieldErrors().Add(exception.Field, exception.Message).ToDictionary());
        }
        catch (MollieApiException exception) when (exception.Status == System.Net.HttpStatusCode.NotFound)
        {
            // Answered exactly like a known payment, so the webhook tells a stranger nothing about which ids exist
            // (Mollie's webhook guide: "respond with a 200 OK status code ... also for unknown IDs").
            return MollieReceived;
        }
        catch (Exception exception) when (exception is MollieApiException or HttpRequestException or ArgumentException)
        {
            // Our side (key, network) failed: answer 502 so Mollie delivers again later.
            loggers.CreateLogger(typeof(PaymentWebhookEndpoints)).LogError(exception, "Fetching a Mollie payment failed.");
            return HandlerResults.Problem(StatusCodes.Status502BadGateway, "Mollie unavailable", "The payment could not be fetched from Mollie; deliver again later.");
        }

        if (fetched.Paid is not { } paid)
        {
            return MollieReceived;
        }

        var applied = await ApplyAsync(paid, PaymentSources.Mollie, payments, cancellationToken);
        return applied is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } ? MollieReceived : applied;
    }

    /// <summary>Mollie's webhook carries only an id anyone can post, so every genuine-looking answer is the same.</summary>
    private static IResult MollieReceived => TypedResults.Ok(new WebhookIgnored("Received."));

    private static async Task<IResult> ApplyAsync(PaymentNotice notice, string source, RecordPaymentHandler payments, CancellationToken cancellationToken)
    {
        var outcome = await payments.HandleAsync(
            notice.InvoiceNumber, new PaymentRequest(notice.PaymentId, notice.Amount, notice.Currency, notice.PaidAt), source, cancellationToken);
        return outcome.Kind == OutcomeKind.Created ? TypedResults.Ok(outcome.Value) : outcome.ToHttp();
    }

    private static IResult Ignored(string? reason) => TypedResults.Ok(new WebhookIgnored(reason ?? "No payment to apply."));

    private static IResult NotAuthentic(string detail) =>
        HandlerResults.Problem(StatusCodes.Status401Unauthorized, "Not authentic", detail);
}

/// <summary>The answer to a genuine notification that carries no payment (e.g. an open or failed Mollie payment).</summary>
internal sealed record WebhookIgnored(string Ignored);
