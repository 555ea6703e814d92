using Collections.Infrastructure.Storage;
using Collections.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collections.Server.Tests.Storage;

public sealed class StoreServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("collections-config-").FullName;

    [Fact]
    public async Task AddCollectionsStore_NoStoreKey_UsesSqliteAtTheConfiguredPath()
    {
        var path = Path.Combine(_folder, "store.db");
        using var provider = Build(("Collections:Sqlite:Path", path));

        var store = provider.GetRequiredService<ICollectionsStore>();
        await store.TryMarkProcessedAsync("scope", "id", StoreSamples.Now, CancellationToken.None);

        Assert.IsType<SqliteCollectionsStore>(store);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void AddCollectionsStore_SqliteWithEmptyPath_FailsValidationNamingTheKey()
    {
        using var provider = Build(("Collections:Store", "sqlite"), ("Collections:Sqlite:Path", ""));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value);

        Assert.Contains("Collections:Sqlite:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCollectionsStore_Tables_UsesTheTableStore()
    {
        using var provider = Build(
            ("Collections:Store", "tables"),
            ("Collections:Tables:ConnectionString", "UseDevelopmentStorage=true"),
            ("Collections:Tables:TablePrefix", "dev1"));

        Assert.IsType<TableCollectionsStore>(provider.GetRequiredService<ICollectionsStore>());
    }

    [Theory]
    [InlineData("", "dev", "Collections:Tables:ConnectionString is required")]
    [InlineData("not a connection string", "dev", "Collections:Tables:ConnectionString is not a storage connection string")]
    [InlineData("UseDevelopmentStorage=true", "9lives", "Collections:Tables:TablePrefix")]
    public void AddCollectionsStore_TablesMisconfigured_FailsValidationNamingTheKey(string connectionString, string prefix, string expected)
    {
        using var provider = Build(
            ("Collections:Store", "tables"),
            ("Collections:Tables:ConnectionString", connectionString),
            ("Collections:Tables:TablePrefix", prefix));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TableStoreOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCollectionsStore_UnknownStore_ThrowsNamingTheKeyAndChoices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Collections:Store", "cosmos")]).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCollectionsStore(configuration));

        Assert.Contains("Collections:Store", error.Message, StringComparison.Ordinal);
        Assert.Contains("'tables'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build();
        return new ServiceCollection().AddCollectionsStore(configuration).BuildServiceProvider();
    }
}
