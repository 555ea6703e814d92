using Collections.Activities;
using Collections.AzureFunctions.Hosting;
using Collections.Storage;
using Collections.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collections.AzureFunctions.Tests.Hosting;

/// <summary>The Functions app takes every secret from configuration and refuses to start, naming the app setting, when one
/// is missing; with all of them it starts without a data folder (no generated secrets, no SQLite file).</summary>
public sealed class RequiredSettingsTests : IDisposable
{
    private readonly TemporaryPath temporary = new();

    private string DataPath => temporary.Value;

    public void Dispose() => temporary.Dispose();

    public static TheoryData<string> Secrets => new(RequiredSettings.Secrets);

    [Theory]
    [MemberData(nameof(Secrets))]
    public void StartUp_SecretMissing_RefusedNamingTheAppSetting(string secret)
    {
        var settings = Complete();
        settings.Remove(secret);

        var failure = Assert.Throws<OptionsValidationException>(() => Start(settings));

        Assert.Contains(secret.Replace(":", "__", StringComparison.Ordinal) + " is not set", failure.Message, StringComparison.Ordinal);
        Assert.Single(RequiredSettings.Problems(Configuration(settings)));
    }

    [Fact]
    public void StartUp_ApprovalTokenSecretMissing_NamesCollectionsActivitiesApprovalTokenSecret()
    {
        var settings = Complete();
        settings.Remove("Collections:Activities:ApprovalTokenSecret");

        var failure = Assert.Throws<OptionsValidationException>(() => Start(settings));

        Assert.Contains("Collections__Activities__ApprovalTokenSecret", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sqlite")]
    public void StartUp_StoreNotTables_RefusedNamingTheSetting(string? store)
    {
        var settings = Complete();
        settings["Collections:Store"] = store;

        var failure = Assert.Throws<OptionsValidationException>(() => Start(settings));

        Assert.Contains("Collections__Store must be 'tables'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartUp_EverySettingGiven_StartsAndWritesNoDataFolder()
    {
        using var provider = Start(Complete());

        var activities = provider.GetRequiredService<InvoiceActivities>();
        var keys = provider.GetRequiredService<LocalKeys>();
        Assert.NotNull(provider.GetRequiredService<ICollectionsStore>());

        Assert.Equal(["configured-api-key-0123456789"], keys.Accepted);
        Assert.Null(keys.GeneratedKeyPath);
        Assert.NotNull(activities);
        Assert.False(Directory.Exists(DataPath), "The Functions app wrote a data folder.");
    }

    [Fact]
    public void Resolve_SecretMissingAfterStartUp_RefusedNotGenerated()
    {
        var settings = Complete();
        settings.Remove("Collections:ApiKeys:0");
        using var provider = Build(settings);

        var failure = Assert.Throws<MissingSettingException>(provider.GetRequiredService<LocalKeys>);

        Assert.Contains("Collections__ApiKeys__0", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(DataPath));
    }

    private Dictionary<string, string?> Complete() => new()
    {
        ["Collections:DataPath"] = DataPath,
        ["Collections:Store"] = "tables",
        ["Collections:Tables:ConnectionString"] = "UseDevelopmentStorage=true",
        ["Collections:ApiKeys:0"] = "configured-api-key-0123456789",
        ["Collections:Activities:ApprovalTokenSecret"] = "configured-approval-secret-0123456789",
        ["Collections:DebtorPages:LinkSecret"] = "configured-link-secret-0123456789",
        ["Collections:Webhooks:Secret"] = "configured-webhook-secret-0123456789",
        ["Collections:Channels:EventGrid:Secret"] = "configured-event-grid-secret-0123456789",
    };

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = Configuration(settings);
        var services = new ServiceCollection().AddLogging().AddSingleton(configuration);
        services.AddCollectionsFunctionsApp(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>What the host does when it starts: the registered start-up validation.</summary>
    private static ServiceProvider Start(Dictionary<string, string?> settings)
    {
        var provider = Build(settings);
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
