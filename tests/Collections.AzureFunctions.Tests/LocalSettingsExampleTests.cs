using Collections.Activities;
using Collections.Storage;
using Collections.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collections.AzureFunctions.Tests;

/// <summary>functions/Collections.AzureFunctions/local.settings.json.example: a working start for <c>func start</c>
/// (copy it to local.settings.json), with every secret left empty.</summary>
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
    public void Example_Settings_PassTheProductsStartUpValidation()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "collections-deployment-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key.Replace("__", ":", StringComparison.Ordinal), (string?)setting.Value)))
            .AddInMemoryCollection([KeyValuePair.Create("Collections:DataPath", (string?)dataPath)])
            .Build();
        try
        {
            var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
            services.AddCollections(configuration); // also builds and checks the activities' options
            using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();

            Assert.NotNull(provider.GetRequiredService<ICollectionsStore>());
        }
        finally
        {
            if (Directory.Exists(dataPath))
            {
                Directory.Delete(dataPath, recursive: true);
            }
        }
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
