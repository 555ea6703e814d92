using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Collections.Infrastructure.Channels.Acs;

namespace Collections.Server.Tests.Channels.Acs;

/// <summary>The published vectors (Azure SDK for Python, test_hmac.py) via design/ACS.md.</summary>
public sealed class AcsRequestSignerTests
{
    private static readonly byte[] Key = Convert.FromBase64String("pw==");
    private const string Host = "contoso.communicationservices.azure.com";
    private const string Date = "Wed, 13 Apr 2022 18:09:12 GMT";

    [Theory]
    [InlineData("/", "88MDmJhUR3m5QhFxb8ztShsSwlGrg7g/6XPnWf7QEO4=")]
    [InlineData("/testPath", "RoCrHjw7fb9fpHSbqvRUY2xa8RBS0YvI1cxI1x8AS38=")]
    [InlineData("/testPath?testQuery=yes", "il99+rd6V5O136roX/zVePCNle78HmvC4B7tu9zRH3I=")]
    public void Signature_PublishedVectors_MatchByteForByte(string pathAndQuery, string expected)
    {
        var contentHash = AcsRequestSigner.ContentHash([]);
        var stringToSign = AcsRequestSigner.StringToSign("GET", pathAndQuery, Date, Host, contentHash);

        Assert.Equal(expected, AcsRequestSigner.Signature(Key, stringToSign));
    }

    [Fact]
    public void ContentHash_EmptyBody_IsSha256OfNothing() =>
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", AcsRequestSigner.ContentHash([]));

    [Fact]
    public void ContentHash_Banana_MatchesPublishedSha256() =>
        Assert.Equal("tJPUg2Sv5E0RwBZc9HCkFk0eJgmRHvmYvoaNRq3j3k4=", AcsRequestSigner.ContentHash(Encoding.UTF8.GetBytes("banana")));

    [Fact]
    public void Signature_RawBanana_MatchesPublishedHmac() =>
        Assert.Equal("88EC05aAS9iXnaimtNO78JLjiPtfWryQB/5QYEzEsu8=", AcsRequestSigner.Signature(Key, "banana"));

    [Fact]
    public void FormatDate_AnyCulture_IsRfc1123Invariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
            Assert.Equal(Date, AcsRequestSigner.FormatDate(new DateTimeOffset(2022, 4, 13, 20, 9, 12, TimeSpan.FromHours(2))));
            Assert.Equal("Sun, 05 Jan 2025 07:08:09 GMT", AcsRequestSigner.FormatDate(new DateTimeOffset(2025, 1, 5, 7, 8, 9, TimeSpan.Zero)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void AuthorizationHeader_Signature_NamesTheSignedHeadersInOrder() =>
        Assert.Equal(
            "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=abc=",
            AcsRequestSigner.AuthorizationHeader("abc="));

    [Fact]
    public void StringToSign_Post_UsesUppercaseMethodAndNewlines() =>
        Assert.Equal(
            "POST\n/sms?api-version=2021-03-07\nd;h:8443;c",
            AcsRequestSigner.StringToSign("post", "/sms?api-version=2021-03-07", "d", "h:8443", "c"));

    [Fact]
    public void ContentHash_Body_IsBase64Sha256OfExactBytes()
    {
        var body = Encoding.UTF8.GetBytes("{\"message\":\"€ ë\"}");
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(body)), AcsRequestSigner.ContentHash(body));
    }
}
