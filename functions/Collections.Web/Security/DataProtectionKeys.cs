using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Collections.Web.Security;

/// <summary>The keys that protect cookies and antiforgery tokens live in the data folder (or
/// <c>Collections:DataProtection:KeysPath</c>), so they move with the server and survive restarts; with
/// <c>Collections:DataProtection:CertificatePath</c> (a .pfx) they are encrypted at rest.</summary>
internal static class DataProtectionKeys
{
    public const string Section = "Collections:DataProtection";

    public static IServiceCollection AddCollectionsDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var keysPath = configuration[$"{Section}:KeysPath"]
            ?? Path.Combine(configuration["Collections:DataPath"] ?? "data", "keys");
        var builder = services.AddDataProtection()
            .SetApplicationName("Collections")
            .PersistKeysToFileSystem(Directory.CreateDirectory(keysPath));
        if (configuration[$"{Section}:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            builder.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration[$"{Section}:CertificatePassword"]));
        }

        return services;
    }
}
