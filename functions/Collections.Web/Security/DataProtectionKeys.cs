using System.Security.Cryptography.X509Certificates;
using Collections.Infrastructure.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

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

    /// <summary>The Functions app's key ring: in the store's Azure Tables account (table <c>{prefix}keyring</c>), shared
    /// by every instance, because a token protected on one instance must be read on any other. The storage account
    /// holds them unencrypted; it allows Entra ID access only (infra/).</summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Collections");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<TableStoreOptions>>((keys, tables) => keys.XmlRepository = new TableXmlRepository(
                tables.Value.CreateServiceClient().GetTableClient(tables.Value.TablePrefix + TableXmlRepository.TableSuffix)));
        return services;
    }
}
