using Azure.Data.Tables;
using Collections.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collections.Infrastructure.Storage;

public static class StoreServiceCollectionExtensions
{
    /// <summary>Configuration key choosing the store: <c>sqlite</c> (default) or <c>tables</c>.</summary>
    public const string StoreKey = "Collections:Store";

    /// <summary>
    /// Registers the <see cref="ICollectionsStore"/> singleton chosen by <c>Collections:Store</c>, with its
    /// options bound from <c>Collections:Sqlite</c> or <c>Collections:Tables</c> and validated when the host starts.
    /// </summary>
    public static IServiceCollection AddCollectionsStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var store = configuration[StoreKey];
        if (string.IsNullOrWhiteSpace(store) || store.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            services.AddOptions<SqliteStoreOptions>()
                .Bind(configuration.GetSection(SqliteStoreOptions.Section))
                .Validate(options => !string.IsNullOrWhiteSpace(options.Path), $"{SqliteStoreOptions.Section}:Path must name the store file.")
                .ValidateOnStart();
            services.AddSingleton<ICollectionsStore>(provider =>
                new SqliteCollectionsStore(provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.Path));
        }
        else if (store.Equals("tables", StringComparison.OrdinalIgnoreCase))
        {
            services.AddOptions<TableStoreOptions>()
                .Bind(configuration.GetSection(TableStoreOptions.Section))
                .Validate(
                    options => !string.IsNullOrWhiteSpace(options.ConnectionString) || Uri.TryCreate(options.Endpoint, UriKind.Absolute, out _),
                    $"{TableStoreOptions.Section}:ConnectionString or {TableStoreOptions.Section}:Endpoint (an absolute URI, for managed identity) is required when {StoreKey} is 'tables'.")
                .Validate(
                    options => string.IsNullOrWhiteSpace(options.ConnectionString) || IsConnectionString(options.ConnectionString),
                    $"{TableStoreOptions.Section}:ConnectionString is not a storage connection string (AccountName=…;AccountKey=…;TableEndpoint=… or UseDevelopmentStorage=true).")
                .Validate(options => TableStoreOptions.PrefixProblem(options.TablePrefix) is null, TablePrefixMessage)
                .ValidateOnStart();
            services.AddSingleton<ICollectionsStore>(provider =>
            {
                var options = provider.GetRequiredService<IOptions<TableStoreOptions>>().Value;
                return new TableCollectionsStore(options.CreateServiceClient(), options.TablePrefix);
            });
        }
        else
        {
            throw new InvalidOperationException($"{StoreKey} is '{store}'; use 'sqlite' (the default) or 'tables'.");
        }

        return services;
    }

    private static bool IsConnectionString(string connectionString)
    {
        try
        {
            _ = new TableServiceClient(connectionString);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private const string TablePrefixMessage =
        $"{TableStoreOptions.Section}:TablePrefix must be 1 to 46 ASCII letters or digits starting with a letter (Azure table naming rules).";
}
