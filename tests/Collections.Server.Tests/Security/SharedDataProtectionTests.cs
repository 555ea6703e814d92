using Collections.Infrastructure.Storage;
using Collections.Server.Tests.Storage;
using Collections.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Server.Tests.Security;

/// <summary>The Functions app's key ring in Azure Tables (<see cref="TableXmlRepository"/>), on a real Azurite:
/// two instances on one account read each other's protected data; an instance on another table cannot.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SharedDataProtectionTests(AzuriteFixture azurite)
{
    private const string Purpose = "Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1";

    [Fact]
    public void TwoInstances_OnOneAccount_ReadEachOthersTokens()
    {
        var prefix = UniquePrefix();
        using var first = Instance(prefix);
        using var second = Instance(prefix);

        var fromFirst = Protector(first).Protect("token of the first instance");
        var fromSecond = Protector(second).Protect("token of the second instance");

        Assert.Equal("token of the first instance", Protector(second).Unprotect(fromFirst));
        Assert.Equal("token of the second instance", Protector(first).Unprotect(fromSecond));
    }

    [Fact]
    public void InstanceOnAnotherKeyTable_CannotReadTheToken()
    {
        using var first = Instance(UniquePrefix());
        using var other = Instance(UniquePrefix());

        var token = Protector(first).Protect("token");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(other).Unprotect(token));
    }

    private ServiceProvider Instance(string prefix)
    {
        var services = new ServiceCollection();
        services.Configure<TableStoreOptions>(options =>
        {
            options.ConnectionString = azurite.ConnectionString;
            options.TablePrefix = prefix;
        });
        services.AddSharedDataProtection();
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(IServiceProvider instance) =>
        instance.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static string UniquePrefix() => "dp" + Guid.NewGuid().ToString("N")[..12];
}
