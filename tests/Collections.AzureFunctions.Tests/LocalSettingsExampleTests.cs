using Collections.Activities;
using Collections.AzureFunctions.Hosting;
using Collections.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collections.AzureFunctions.Tests;

/// <summary>functions/Collections.AzureFunctions/local.settings.json.example: a working start for <c>func start</c>
/// (copy it to local.settings.json and fill in the secrets), with every secret left empty.</summary>
public sealed class LocalSettingsExampleTests
{
    private readonly IReadOnlyDictionary<string, string> settings = ProjectInclusionTests.LocalSettings();

    [Fact]
    public void Example_HostSettings_RunTheIsolatedWorkerOnLocalStorage()
    {
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("UseDevelopmentStorage=true", settings["AzureWebJobsStorage"]);
        Assert.NotEqual(string.Empty, settings["TASKHUB_NAME"]);
    }

    [Fact]
    public void Example_Store_IsAzureTablesOnLocalStorage()
    {
        Assert.Equal("tables", settings["Collections__Store"]);
        Assert.Equal("UseDevelopmentStorage=true", settings["Collections__Tables__ConnectionString"]);
    }

    [Fact]
    public void Example_Secrets_AreEmpty()
    {
        var secrets = settings.Where(setting => setting.Key.Contains("Secret", StringComparison.OrdinalIgnoreCase)
            || setting.Key.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase)
            || setting.Key.Contains("Password", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, secret => Assert.Equal(string.Empty, secret.Value));
        Assert.DoesNotContain(settings.Values, value => value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
            || value.Contains("accesskey=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Example_ActivitySettings_EachNameAnOptionOfTheActivities()
    {
        var keys = settings.Keys.Where(key => key.StartsWith("Collections__Activities__", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.True(Binds(typeof(InvoiceActivityOptions), key.Split("__")[2..]), $"{key} names no option."));
    }

    [Fact]
    public void Example_AsShipped_NamesEveryRequiredSecret()
    {
        Assert.All(RequiredSettings.Secrets, secret => Assert.Contains(secret.Replace(":", "__", StringComparison.Ordinal), settings.Keys));
        Assert.DoesNotContain("Collections__DataPath", settings.Keys);
    }

    [Fact]
    public void Example_WithTheSecretsFilledIn_PassesTheStartUpCheck()
    {
        var filledIn = settings.ToDictionary(
            setting => setting.Key.Replace("__", ":", StringComparison.Ordinal),
            setting => (string?)(RequiredSettings.Secrets.Contains(setting.Key.Replace("__", ":", StringComparison.Ordinal)) ? "a-local-secret-0123456789" : setting.Value));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(filledIn).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddCollectionsFunctionsApp(configuration);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(provider.GetRequiredService<ICollectionsStore>());
        Assert.NotNull(provider.GetRequiredService<InvoiceActivities>());
    }

    /// <summary>Whether a configuration path (e.g. Creditor, Address, City) names a settable member, case-insensitively
    /// as the configuration binder matches (a positional record has a property per parameter).</summary>
    private static bool Binds(Type type, string[] path)
    {
        if (path.Length == 0)
        {
            return true;
        }

        var member = type.GetProperties().FirstOrDefault(property => property.Name.Equals(path[0], StringComparison.OrdinalIgnoreCase));
        return member is not null && Binds(member.PropertyType, path[1..]);
    }
}
