using System.Text;
using Collections.Infrastructure.Payments;

namespace Collections.Server.Tests.Payments;

public sealed class GenericWebhookTests
{
    private const string Secret = "generic-webhook-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"invoiceNumber":"F2026-0042","amount":1250.00,"currency":"EUR","paymentId":"bank-77","paidAt":"2026-03-05T10:00:00+01:00"}""");

    private readonly GenericWebhookVerifier _verifier = new(Secret);

    private static string HexHmac(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public void Verify_SignatureOfBody_IsValid()
    {
        Assert.True(_verifier.Verify(Body, HexHmac(Secret, Body)).IsValid);
        Assert.True(_verifier.Verify(Body, HexHmac(Secret, Body).ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal)).IsValid);
        Assert.Equal(HexHmac(Secret, Body), _verifier.Sign(Body));
    }

    [Fact]
    public void Verify_TamperedBody_Mismatch()
    {
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("1250.00", "1.00", StringComparison.Ordinal));

        Assert.Equal(SignatureFailure.Mismatch, _verifier.Verify(tampered, HexHmac(Secret, Body)).Failure);
    }

    [Fact]
    public void Verify_OtherSecret_Mismatch()
    {
        Assert.Equal(SignatureFailure.Mismatch, _verifier.Verify(Body, HexHmac("another-secret", Body)).Failure);
    }

    [Theory]
    [InlineData(null, SignatureFailure.Missing)]
    [InlineData("", SignatureFailure.Missing)]
    [InlineData("md5=abc", SignatureFailure.Malformed)]
    [InlineData("sha256=not-hex", SignatureFailure.Mismatch)]
    [InlineData("sha256=abcd", SignatureFailure.Mismatch)]
    public void Verify_MissingOrMalformedHeader_Refused(string? header, SignatureFailure failure)
    {
        Assert.Equal(failure, _verifier.Verify(Body, header).Failure);
    }

    [Fact]
    public void Parse_ValidBody_ReturnsNotice()
    {
        var result = GenericPaymentWebhook.Parse(Body);

        Assert.True(result.IsValid);
        Assert.Equal(
            new PaymentNotice("generic", "bank-77", "F2026-0042", 1250.00m, "EUR", new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.FromHours(1))),
            result.Notice);
    }

    [Fact]
    public void Parse_BadFields_NamesEachField()
    {
        var body = """{"invoiceNumber":"","amount":"12","currency":"USD","paidAt":"2026-03-05"}"""u8.ToArray();

        var result = GenericPaymentWebhook.Parse(body);

        Assert.False(result.IsValid);
        Assert.Equal(["amount", "currency", "invoiceNumber", "paidAt", "paymentId"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_NotJson_ReportsBody()
    {
        var result = GenericPaymentWebhook.Parse("{"u8);

        Assert.Equal("$", Assert.Single(result.Errors).Key);
    }
}
