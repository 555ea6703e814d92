using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Collections.Server.Tests.Payments;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

public sealed class PaymentWebhookEndpointsTests : IAsyncLifetime
{
    private const string Invoice = "F2026-0042";

    private FakeMollieApi mollie = null!;
    private RunningServer server = null!;

    public async Task InitializeAsync()
    {
        mollie = await FakeMollieApi.StartAsync();
        server = await RunningServer.StartAsync([
            $"--Collections:Mollie:BaseUrl={mollie.BaseUrl}",
            $"--Collections:Mollie:ApiKey={FakeMollieApi.ApiKey}",
        ]);
        await TestInvoices.SeedAsync(server.Store, Invoice, 1250m);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await mollie.DisposeAsync();
    }

    [Fact]
    public async Task Generic_ValidSignature_PaymentApplied()
    {
        var response = await PostGenericAsync(GenericBody("pay-1", 250m), sign: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1000m, (await server.Store.GetInvoiceAsync(Invoice, default))!.OpenBalance);
        Assert.Equal("webhook", Assert.Single(await server.Store.ListPaymentsAsync(Invoice, default)).Source);
    }

    [Fact]
    public async Task Generic_ReplayedFiveTimes_AppliedOnce()
    {
        var body = GenericBody("pay-2", 250m);

        for (var delivery = 0; delivery < 5; delivery++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostGenericAsync(body, sign: true)).StatusCode);
        }

        Assert.Single(await server.Store.ListPaymentsAsync(Invoice, default));
        Assert.Equal(["payment-received"], server.Workflows.EventsFor(Invoice));
        Assert.Equal(5, server.Workflows.Calls.Count(name => name == "payment-received"));
    }

    [Fact]
    public async Task Generic_BadOrMissingSignature_401NothingChanges()
    {
        var body = GenericBody("pay-3", 250m);
        using var wrongSecret = new StringContent(body, Encoding.UTF8, "application/json");
        wrongSecret.Headers.Add("X-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("other"u8, Encoding.UTF8.GetBytes(body))));

        var unsigned = await PostGenericAsync(body, sign: false);
        var wrong = await server.Anonymous.PostAsync("/api/webhooks/payments", wrongSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Empty(await server.Store.ListPaymentsAsync(Invoice, default));
        Assert.Empty(server.Workflows.Events);
    }

    [Fact]
    public async Task Generic_SignedButInvalid_400NamingField()
    {
        var response = await PostGenericAsync(GenericBody("pay-4", -3m), sign: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("amount", await ProblemDocument.ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Stripe_FreshSignature_PaymentApplied()
    {
        var response = await PostStripeAsync(StripeBody("evt_1", "pi_1", 125000), server.Time.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var payment = Assert.Single(await server.Store.ListPaymentsAsync(Invoice, default));
        Assert.Equal(("pi_1", 1250m, "stripe"), (payment.PaymentId, payment.Amount, payment.Source));
        Assert.Equal(0m, (await server.Store.GetInvoiceAsync(Invoice, default))!.OpenBalance);
    }

    [Fact]
    public async Task Stripe_Replayed_AppliedOnce()
    {
        var body = StripeBody("evt_2", "pi_2", 50000);

        await PostStripeAsync(body, server.Time.GetUtcNow());
        server.Time.Advance(TimeSpan.FromMinutes(1));
        var replay = await PostStripeAsync(body, server.Time.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(750m, (await server.Store.GetInvoiceAsync(Invoice, default))!.OpenBalance);
        Assert.Single(server.Workflows.EventsFor(Invoice));
    }

    [Fact]
    public async Task Stripe_SignedSixMinutesAgo_401NothingChanges()
    {
        var response = await PostStripeAsync(StripeBody("evt_3", "pi_3", 50000), server.Time.GetUtcNow().AddMinutes(-6));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await server.Store.ListPaymentsAsync(Invoice, default));
    }

    [Fact]
    public async Task Stripe_TamperedBody_401NothingChanges()
    {
        var signedAt = server.Time.GetUtcNow();
        var header = StripeHeader(StripeBody("evt_4", "pi_4", 100), signedAt);
        using var content = new StringContent(StripeBody("evt_4", "pi_4", 125000), Encoding.UTF8, "application/json");
        content.Headers.Add("Stripe-Signature", header);

        var response = await server.Anonymous.PostAsync("/api/webhooks/stripe", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await server.Store.ListPaymentsAsync(Invoice, default));
    }

    [Fact]
    public async Task Stripe_OtherEventType_200Ignored()
    {
        var body = StripeBody("evt_5", "pi_5", 100).Replace("payment_intent.succeeded", "customer.created", StringComparison.Ordinal);

        var response = await PostStripeAsync(body, server.Time.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await server.Store.ListPaymentsAsync(Invoice, default));
    }

    [Fact]
    public async Task Mollie_PaidPayment_FetchedWithOurKeyAndApplied()
    {
        mollie.AddPayment("tr_paid1", "paid", "1250.00");

        var response = await PostMollieAsync("tr_paid1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"GET /v2/payments/tr_paid1 Bearer {FakeMollieApi.ApiKey}", mollie.Requests);
        Assert.Equal(0m, (await server.Store.GetInvoiceAsync(Invoice, default))!.OpenBalance);
    }

    [Fact]
    public async Task Mollie_Replayed_AppliedOnce()
    {
        mollie.AddPayment("tr_paid2", "paid", "100.00");

        await PostMollieAsync("tr_paid2");
        var replay = await PostMollieAsync("tr_paid2");

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Single(await server.Store.ListPaymentsAsync(Invoice, default));
        Assert.Single(server.Workflows.EventsFor(Invoice));
    }

    [Fact]
    public async Task Mollie_OpenPayment_200NothingApplied()
    {
        mollie.AddPayment("tr_open1", "open");

        var response = await PostMollieAsync("tr_open1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await server.Store.ListPaymentsAsync(Invoice, default));
    }

    [Fact]
    public async Task Mollie_IdMollieDoesNotKnow_AnsweredLikeAKnownOneNothingApplied()
    {
        mollie.AddPayment("tr_open2", "open");
        mollie.AddPayment("tr_paid4", "paid", "10.00");

        var unknown = await PostMollieAsync("tr_forged1");
        var open = await PostMollieAsync("tr_open2");
        var paid = await PostMollieAsync("tr_paid4");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var body = await unknown.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode.OK, body), (open.StatusCode, await open.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, body), (paid.StatusCode, await paid.Content.ReadAsStringAsync()));
        Assert.Equal(["tr_paid4"], (await server.Store.ListPaymentsAsync(Invoice, default)).Select(payment => payment.PaymentId));
    }

    [Fact]
    public async Task Mollie_RefusesOurKey_502SoMollieRetriesAndNothingApplied()
    {
        mollie.AddPayment("tr_paid3", "paid");
        await using var misconfigured = await RunningServer.StartAsync([
            $"--Collections:Mollie:BaseUrl={mollie.BaseUrl}",
            "--Collections:Mollie:ApiKey=test_wrongKey",
        ]);

        var response = await misconfigured.Anonymous.PostAsync("/api/webhooks/mollie", new FormUrlEncodedContent([KeyValuePair.Create("id", "tr_paid3")]));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Empty(await misconfigured.Store.ListPaymentsAsync(Invoice, default));
    }

    [Fact]
    public async Task Mollie_NotConfigured_401()
    {
        await using var unconfigured = await RunningServer.StartAsync();

        var response = await unconfigured.Anonymous.PostAsync("/api/webhooks/mollie", new FormUrlEncodedContent([KeyValuePair.Create("id", "tr_paid3")]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Mollie_NotAPaymentId_400()
    {
        var response = await PostMollieAsync("ord_123");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id", await ProblemDocument.ErrorFieldsAsync(response));
        Assert.Empty(mollie.Requests);
    }

    [Fact]
    public async Task Webhook_PaymentForInvoiceNotReceivedYet_RecordedAndCountedWhenItArrives()
    {
        await PostGenericAsync(GenericBody("pay-early", 42m, invoice: "2026-5000"), sign: true);

        var intake = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-5000", 242m)));

        Assert.Equal(HttpStatusCode.Created, intake.StatusCode);
        Assert.Equal(200m, (await server.Store.GetInvoiceAsync("2026-5000", default))!.OpenBalance);
    }

    private static string GenericBody(string paymentId, decimal amount, string invoice = Invoice) =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"invoiceNumber":"{{invoice}}","paymentId":"{{paymentId}}","amount":{{amount}},"currency":"EUR","paidAt":"2026-03-02T08:30:00Z"}""");

    private Task<HttpResponseMessage> PostGenericAsync(string body, bool sign)
    {
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        if (sign)
        {
            var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(RunningServer.WebhookSecret), Encoding.UTF8.GetBytes(body));
            content.Headers.Add("X-Signature", "sha256=" + Convert.ToHexStringLower(signature));
        }

        return server.Anonymous.PostAsync("/api/webhooks/payments", content);
    }

    private string StripeBody(string eventId, string intentId, long cents) =>
        $$$"""
        {"id":"{{{eventId}}}","object":"event","type":"payment_intent.succeeded","created":{{{server.Time.GetUtcNow().ToUnixTimeSeconds()}}},
         "data":{"object":{"id":"{{{intentId}}}","object":"payment_intent","amount":{{{cents}}},"amount_received":{{{cents}}},
                           "currency":"eur","status":"succeeded","metadata":{"invoice_number":"{{{Invoice}}}"} } } }
        """;

    // Stripe's documented scheme, built independently of the server: HMAC-SHA256 over "{t}.{body}".
    private static string StripeHeader(string body, DateTimeOffset signedAt)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(RunningServer.StripeSecret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(signature)}";
    }

    private Task<HttpResponseMessage> PostStripeAsync(string body, DateTimeOffset signedAt)
    {
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add("Stripe-Signature", StripeHeader(body, signedAt));
        return server.Anonymous.PostAsync("/api/webhooks/stripe", content);
    }

    private Task<HttpResponseMessage> PostMollieAsync(string id) =>
        server.Anonymous.PostAsync("/api/webhooks/mollie", new FormUrlEncodedContent([KeyValuePair.Create("id", id)]));
}
