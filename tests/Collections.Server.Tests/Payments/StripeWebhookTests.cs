using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Collections.Infrastructure.Payments;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Server.Tests.Payments;

public sealed class StripeWebhookTests
{
    private const string Secret = "whsec_test_0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);

    private static readonly byte[] PaymentIntentSucceeded = Encoding.UTF8.GetBytes("""
        {"id":"evt_1PI","object":"event","type":"payment_intent.succeeded","created":CREATED,
         "data":{"object":{"id":"pi_3Abc","object":"payment_intent","amount":125000,"amount_received":125000,
                           "currency":"eur","status":"succeeded","metadata":{"invoice_number":"F2026-0042"}}}}
        """.Replace("CREATED", Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    private readonly FakeTimeProvider _clock = new(Now);

    private StripeSignatureVerifier Verifier() => new(Secret, _clock);

    // Built independently of the verifier: Stripe's documented scheme, HMAC-SHA256 over "{t}.{body}".
    private static string Header(long timestamp, byte[] body, params string[] extraSignatures)
    {
        var signedPayload = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".").Concat(body).ToArray();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signedPayload));
        var signatures = extraSignatures.Append(signature).Select(value => $"v1={value}");
        return string.Join(",", new[] { $"t={timestamp}" }.Concat(signatures).Append("v0=ignored"));
    }

    [Fact]
    public void Verify_FreshSignature_IsValid()
    {
        Assert.True(Verifier().Verify(PaymentIntentSucceeded, Header(Now.ToUnixTimeSeconds(), PaymentIntentSucceeded)).IsValid);
    }

    [Fact]
    public void Verify_SeveralV1OneMatching_IsValid()
    {
        var header = Header(Now.ToUnixTimeSeconds(), PaymentIntentSucceeded, new string('a', 64));

        Assert.True(Verifier().Verify(PaymentIntentSucceeded, header).IsValid);
    }

    [Fact]
    public void Verify_TamperedBody_Mismatch()
    {
        var header = Header(Now.ToUnixTimeSeconds(), PaymentIntentSucceeded);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(PaymentIntentSucceeded).Replace("125000", "100", StringComparison.Ordinal));

        Assert.Equal(SignatureFailure.Mismatch, Verifier().Verify(tampered, header).Failure);
    }

    [Fact]
    public void Verify_TimestampChangedInHeader_Mismatch()
    {
        var header = Header(Now.ToUnixTimeSeconds(), PaymentIntentSucceeded)
            .Replace($"t={Now.ToUnixTimeSeconds()}", $"t={Now.ToUnixTimeSeconds() + 1}", StringComparison.Ordinal);

        Assert.Equal(SignatureFailure.Mismatch, Verifier().Verify(PaymentIntentSucceeded, header).Failure);
    }

    [Fact]
    public void Verify_OtherEndpointSecret_Mismatch()
    {
        var verifier = new StripeSignatureVerifier("whsec_other", _clock);

        Assert.Equal(SignatureFailure.Mismatch, verifier.Verify(PaymentIntentSucceeded, Header(Now.ToUnixTimeSeconds(), PaymentIntentSucceeded)).Failure);
    }

    [Fact]
    public void Verify_ReplayedAfterTolerance_Stale()
    {
        var header = Header(Now.ToUnixTimeSeconds(), PaymentIntentSucceeded);
        var verifier = Verifier();
        Assert.True(verifier.Verify(PaymentIntentSucceeded, header).IsValid);

        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Equal(SignatureFailure.Stale, verifier.Verify(PaymentIntentSucceeded, header).Failure);
    }

    [Fact]
    public void Verify_ExactlyAtTolerance_IsValid()
    {
        var header = Header(Now.ToUnixTimeSeconds(), PaymentIntentSucceeded);
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.True(Verifier().Verify(PaymentIntentSucceeded, header).IsValid);
    }

    [Fact]
    public void Verify_TimestampFromFuture_Refused()
    {
        var header = Header(Now.AddMinutes(6).ToUnixTimeSeconds(), PaymentIntentSucceeded);

        Assert.Equal(SignatureFailure.FromFuture, Verifier().Verify(PaymentIntentSucceeded, header).Failure);
    }

    [Theory]
    [InlineData(null, SignatureFailure.Missing)]
    [InlineData("v1=abc", SignatureFailure.Malformed)]
    [InlineData("t=1772701200", SignatureFailure.Malformed)]
    [InlineData("t=soon,v1=abc", SignatureFailure.Malformed)]
    public void Verify_MalformedHeader_Refused(string? header, SignatureFailure failure)
    {
        Assert.Equal(failure, Verifier().Verify(PaymentIntentSucceeded, header).Failure);
    }

    [Fact]
    public void Sign_ProducesHeaderTheVerifierAccepts()
    {
        var header = Verifier().Sign(PaymentIntentSucceeded, Now);

        Assert.Equal(Header(Now.ToUnixTimeSeconds(), PaymentIntentSucceeded).Split(",v0=")[0], header);
    }

    [Fact]
    public void Parse_PaymentIntentSucceeded_ReturnsPaymentInEuros()
    {
        var stripeEvent = StripeEventParser.Parse(PaymentIntentSucceeded);

        Assert.Equal("evt_1PI", stripeEvent.Id);
        Assert.Equal(new PaymentNotice("stripe", "pi_3Abc", "F2026-0042", 1250.00m, "EUR", Now, "evt_1PI"), stripeEvent.Payment);
    }

    [Fact]
    public void Parse_CheckoutSessionPaid_UsesPaymentIntentIdAndAmountTotal()
    {
        var body = """
            {"id":"evt_2CS","type":"checkout.session.completed","created":1772701200,
             "data":{"object":{"id":"cs_test_1","amount_total":4250,"currency":"eur","payment_status":"paid",
                               "payment_intent":"pi_3Abc","metadata":{"invoice_number":"F2026-0043"}}}}
            """u8;

        var payment = StripeEventParser.Parse(body).Payment;

        Assert.NotNull(payment);
        Assert.Equal(("pi_3Abc", "F2026-0043", 42.50m), (payment.PaymentId, payment.InvoiceNumber, payment.Amount));
    }

    [Fact]
    public void Parse_CheckoutSessionUnpaid_NoPayment()
    {
        var body = """
            {"id":"evt_3CS","type":"checkout.session.completed","created":1772701200,
             "data":{"object":{"id":"cs_test_2","amount_total":4250,"currency":"eur","payment_status":"unpaid",
                               "metadata":{"invoice_number":"F2026-0043"}}}}
            """u8;

        var stripeEvent = StripeEventParser.Parse(body);

        Assert.Null(stripeEvent.Payment);
        Assert.Contains("unpaid", stripeEvent.NoPaymentBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutInvoiceNumber_NoPaymentWithReason()
    {
        var body = """
            {"id":"evt_4","type":"payment_intent.succeeded","created":1772701200,
             "data":{"object":{"id":"pi_9","amount_received":100,"currency":"eur","metadata":{}}}}
            """u8;

        var stripeEvent = StripeEventParser.Parse(body);

        Assert.Null(stripeEvent.Payment);
        Assert.Contains("invoice_number", stripeEvent.NoPaymentBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherEventType_NoPayment()
    {
        var body = """{"id":"evt_5","type":"customer.created","created":1772701200,"data":{"object":{"id":"cus_1"}}}"""u8;

        Assert.Null(StripeEventParser.Parse(body).Payment);
    }

    [Fact]
    public void Parse_MissingAmount_NamesField()
    {
        var body = """
            {"id":"evt_6","type":"payment_intent.succeeded","created":1772701200,
             "data":{"object":{"id":"pi_9","currency":"eur","metadata":{"invoice_number":"F1"}}}}
            """u8.ToArray();

        var error = Assert.Throws<PaymentPayloadException>(() => StripeEventParser.Parse(body));

        Assert.Equal("data.object.amount_received", error.Field);
    }
}
