using Collections.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Collections.Server.Tests.Api;

public sealed class ActivityOptionsTests : IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "collections-server-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public void Create_CreditorNameConfigured_OverridesOnlyThatField()
    {
        var activities = ActivityOptionsFactory.Create(
            Configuration(new() { ["Collections:Activities:Creditor:Name"] = "Loodgieter Bakker", ["Collections:Activities:ApprovalTokenSecret"] = "configured-secret-0123456789" }),
            new CollectionsOptions { DataPath = dataPath, PublicBaseUrl = "https://collections.bakker.example" }, Generating);

        Assert.Equal("Loodgieter Bakker", activities.Creditor.Name);
        Assert.Equal("Utrecht", activities.Creditor.Address.City);
        Assert.Equal(new Uri("https://collections.bakker.example/approvals/"), activities.ApprovalLinkBase);
        Assert.Equal("configured-secret-0123456789", activities.ApprovalTokenSecret);
        Assert.False(File.Exists(Path.Combine(dataPath, LocalSecret.ApprovalSecretFile)));
    }

    [Fact]
    public void Create_NoAgencyConfigured_NoAgency_ConfiguredOneIsUsed()
    {
        var none = ActivityOptionsFactory.Create(Configuration(new()), new CollectionsOptions { DataPath = dataPath }, Generating);
        var configured = ActivityOptionsFactory.Create(
            Configuration(new() { ["Collections:Activities:CollectionAgency"] = "Incasso Noord", ["Collections:Activities:CollectionAgencyEmail"] = "dossiers@noord.example" }),
            new CollectionsOptions { DataPath = dataPath }, Generating);

        Assert.Equal((null, null), (none.CollectionAgency, none.CollectionAgencyEmail));
        Assert.Equal(("Incasso Noord", "dossiers@noord.example"), (configured.CollectionAgency, configured.CollectionAgencyEmail));
    }

    [Fact]
    public void Create_NoSecretConfigured_GeneratesOneAndKeepsIt()
    {
        var first = ActivityOptionsFactory.Create(Configuration([]), new CollectionsOptions { DataPath = dataPath }, Generating);
        var second = ActivityOptionsFactory.Create(Configuration([]), new CollectionsOptions { DataPath = dataPath }, Generating);

        Assert.Equal(first.ApprovalTokenSecret, second.ApprovalTokenSecret);
        Assert.True(first.ApprovalTokenSecret.Length >= 16);
        Assert.Equal(new Uri("http://127.0.0.1:5080/approvals/"), first.ApprovalLinkBase);
    }

    [Fact]
    public void Create_NoSecretConfigured_ConfigurationOnly_RefusedNamingTheAppSetting()
    {
        var failure = Assert.Throws<MissingSettingException>(() => ActivityOptionsFactory.Create(
            Configuration(new() { ["Collections:DebtorPages:LinkSecret"] = "configured-link-secret-0123456789" }),
            new CollectionsOptions { DataPath = dataPath },
            SecretSource.ConfigurationOnly));

        Assert.Contains("Collections__Activities__ApprovalTokenSecret", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataPath));
    }

    [Fact]
    public void Create_LinkBaseWithoutTrailingSlash_RefusedNamingTheSetting()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => ActivityOptionsFactory.Create(
            Configuration(new() { ["Collections:Activities:PaymentLinkBase"] = "https://pay.bakker.example/i" }),
            new CollectionsOptions { DataPath = dataPath }, Generating));

        Assert.Contains("PaymentLinkBase", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SendingBudgetConfigured_OverridesThatChannel_OthersKeepTheAcsDefaults()
    {
        var activities = ActivityOptionsFactory.Create(
            Configuration(new() { ["Collections:Activities:SendingBudgets:Email:PerMinute"] = "100", ["Collections:Activities:SendingBudgets:Email:PerHour"] = "2000" }),
            new CollectionsOptions { DataPath = dataPath }, Generating);

        Assert.Equal(new Collections.Messaging.ChannelBudget { PerMinute = 100, PerHour = 2000 }, activities.SendingBudgets.Email);
        Assert.Equal(new Collections.Messaging.ChannelBudget { PerMinute = 200 }, activities.SendingBudgets.Sms);
        Assert.Equal(new Collections.Messaging.ChannelBudget { PerMinute = 30, PerHour = 100 }, Collections.Activities.InvoiceActivityOptions.Example.SendingBudgets.Email);
    }

    [Fact]
    public void Create_SendingBudgetZero_RefusedNamingTheSetting()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => ActivityOptionsFactory.Create(
            Configuration(new() { ["Collections:Activities:SendingBudgets:Sms:PerMinute"] = "0" }),
            new CollectionsOptions { DataPath = dataPath }, Generating));

        Assert.Contains("SendingBudgets.Sms.PerMinute", failure.Message, StringComparison.Ordinal);
    }

    private SecretSource Generating => SecretSource.ConfigurationOrGeneratedIn(dataPath);

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
