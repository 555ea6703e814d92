using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Security;

/// <summary>Issue 13: over HTTPS (real Kestrel TLS on 127.0.0.1, a throw-away certificate) the antiforgery
/// and language cookies are <c>Secure</c>; over plain HTTP (local use) they cannot be.</summary>
public sealed class SecureCookiesTests
{
    [Fact]
    public async Task Https_AntiforgeryAndLanguageCookies_Secure()
    {
        var certificate = Path.Combine(Path.GetTempPath(), $"collections-tls-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(certificate, SelfSigned().Export(X509ContentType.Pfx, "test"));
        try
        {
            await using var server = await RunningServer.StartAsync([
                "--urls=https://127.0.0.1:0",
                $"--Kestrel:Certificates:Default:Path={certificate}",
                "--Kestrel:Certificates:Default:Password=test",
                "--Collections:Staff:Users:0:UserName=sanne",
                $"--Collections:Staff:Users:0:PasswordHash={Collections.Web.Staff.StaffPasswords.Hash("correct horse battery")}",
            ]);
            using var client = new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
                UseCookies = false,
            }) { BaseAddress = server.Address };

            var response = await client.GetAsync("/staff/sign-in?lang=en");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cookies = response.Headers.GetValues("Set-Cookie").ToList();
            Assert.Contains(cookies, cookie => cookie.StartsWith("collections-antiforgery=", StringComparison.Ordinal));
            Assert.Contains(cookies, cookie => cookie.StartsWith("collections-lang=", StringComparison.Ordinal));
            Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
