using Collections.Links;
using Collections.Web.DebtorPages;

namespace Collections.Server.Tests.Browser;

public sealed class DebtorLinkSignerTests
{
    private const string Secret = "a-server-secret-of-some-length";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_LinkAsCreated_ValidUntilExpiry()
    {
        var link = DebtorLinkSigner.CreateLink(new Uri("https://collections.example.nl/debtor/"), Secret, "2026/0042", Now.AddDays(1));
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);

        Assert.StartsWith("https://collections.example.nl/debtor/2026%2F0042?e=", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(DebtorLinkStatus.Valid, DebtorLinkSigner.Verify(Secret, "2026/0042", query["e"], query["s"], Now));
        Assert.Equal(DebtorLinkStatus.Expired, DebtorLinkSigner.Verify(Secret, "2026/0042", query["e"], query["s"], Now.AddDays(1)));
    }

    [Fact]
    public void Verify_OtherInvoiceLaterExpiryOrOtherSecret_Invalid()
    {
        var expires = Now.AddDays(1).ToUnixTimeSeconds();
        var signature = DebtorLinkSigner.Sign(Secret, "2026-0042", expires);

        Assert.Equal(DebtorLinkStatus.Invalid, DebtorLinkSigner.Verify(Secret, "2026-0043", expires.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Now));
        Assert.Equal(DebtorLinkStatus.Invalid, DebtorLinkSigner.Verify(Secret, "2026-0042", (expires + 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Now));
        Assert.Equal(DebtorLinkStatus.Invalid, DebtorLinkSigner.Verify("another-secret-entirely", "2026-0042", expires.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Now));
        Assert.Equal(DebtorLinkStatus.Invalid, DebtorLinkSigner.Verify(Secret, "2026-0042", "soon", signature, Now));
    }
}
