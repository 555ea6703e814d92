using System.Net;
using Collections.Infrastructure.Payments;

namespace Collections.Server.Tests.Payments;

public sealed class MollieClientTests : IAsyncLifetime
{
    private FakeMollieApi _mollie = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _mollie = await FakeMollieApi.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _mollie.DisposeAsync();
    }

    private MollieClient Client(string apiKey = FakeMollieApi.ApiKey) =>
        new(_http, new MollieOptions { BaseUrl = _mollie.BaseUrl, ApiKey = apiKey });

    [Fact]
    public async Task GetPayment_Paid_ReturnsNoticeAndSendsBearerKey()
    {
        _mollie.AddPayment("tr_paid1", "paid");

        var payment = await Client().GetPaymentAsync("tr_paid1");

        Assert.Equal(
            new PaymentNotice("mollie", "tr_paid1", "F2026-0042", 1250.00m, "EUR", new DateTimeOffset(2026, 3, 5, 9, 12, 0, TimeSpan.Zero)),
            payment.Paid);
        Assert.Equal($"GET /v2/payments/tr_paid1 Bearer {FakeMollieApi.ApiKey}", Assert.Single(_mollie.Requests));
    }

    [Theory]
    [InlineData("open")]
    [InlineData("failed")]
    [InlineData("expired")]
    public async Task GetPayment_NotPaid_NoNotice(string status)
    {
        _mollie.AddPayment("tr_other1", status);

        var payment = await Client().GetPaymentAsync("tr_other1");

        Assert.Equal(status, payment.Status);
        Assert.Null(payment.Paid);
        Assert.Contains(status, payment.NoPaymentBecause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPayment_MetadataAsJsonString_ReadsInvoiceNumber()
    {
        _mollie.AddPayment("tr_str1", "paid", "10.00", "\"{\\\"invoiceNumber\\\":\\\"F2026-0050\\\"}\"");

        var payment = await Client().GetPaymentAsync("tr_str1");

        Assert.Equal(("F2026-0050", 10.00m), (payment.Paid?.InvoiceNumber, payment.Paid?.Amount));
    }

    [Fact]
    public async Task GetPayment_PaidWithoutInvoiceNumber_NoNoticeWithReason()
    {
        _mollie.AddPayment("tr_nometa", "paid", metadataJson: "null");

        var payment = await Client().GetPaymentAsync("tr_nometa");

        Assert.Null(payment.Paid);
        Assert.Contains("metadata.invoiceNumber", payment.NoPaymentBecause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPayment_WrongApiKey_Throws401()
    {
        _mollie.AddPayment("tr_paid2", "paid");

        var error = await Assert.ThrowsAsync<MollieApiException>(() => Client("test_wrong").GetPaymentAsync("tr_paid2"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
    }

    [Fact]
    public async Task GetPayment_UnknownPayment_Throws404()
    {
        var error = await Assert.ThrowsAsync<MollieApiException>(() => Client().GetPaymentAsync("tr_unknown"));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
    }

    [Fact]
    public async Task GetPayment_NotAPaymentId_RefusedBeforeAnyRequest()
    {
        await Assert.ThrowsAsync<PaymentPayloadException>(() => Client().GetPaymentAsync("../v2/methods"));

        Assert.Empty(_mollie.Requests);
    }

    [Theory]
    [InlineData("id=tr_5B8cwPMGnU6qLbRvo7qEZo", "tr_5B8cwPMGnU6qLbRvo7qEZo")]
    [InlineData("foo=bar&id=tr_abc", "tr_abc")]
    public void ReadPaymentId_FormBody_ReturnsId(string form, string expected)
    {
        Assert.Equal(expected, MollieWebhook.ReadPaymentId(form));
    }

    [Theory]
    [InlineData("")]
    [InlineData("payment=tr_abc")]
    [InlineData("id=ord_abc")]
    [InlineData("id=tr_abc%2F..%2Fx")]
    public void ReadPaymentId_NoOrBadId_NamesIdField(string form)
    {
        var error = Assert.Throws<PaymentPayloadException>(() => MollieWebhook.ReadPaymentId(form));

        Assert.Equal("id", error.Field);
    }
}
