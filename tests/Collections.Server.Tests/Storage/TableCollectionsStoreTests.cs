using Azure.Data.Tables;
using Collections.Infrastructure.Storage;
using Collections.Storage;

namespace Collections.Server.Tests.Storage;

/// <summary>The store contract on Azure Tables, against a real Azurite; each test gets its own table prefix.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCollectionsStoreTests : CollectionsStoreContract
{
    private readonly TableServiceClient _service;
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..12];

    public TableCollectionsStoreTests(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        _service = new TableServiceClient(azurite.ConnectionString);
        Store = new TableCollectionsStore(_service, _prefix);
    }

    protected override ICollectionsStore Store { get; }

    /// <summary>Every property of every entity in the store's tables, binary payloads decoded as UTF-8.</summary>
    protected override async Task<string> StoredTextAsync()
    {
        var text = new System.Text.StringBuilder();
        await foreach (var table in _service.QueryAsync(filter: $"TableName ge '{_prefix}' and TableName lt '{_prefix}~'"))
        {
            await foreach (var entity in _service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                text.Append(entity.PartitionKey).Append(' ').Append(entity.RowKey).Append(' ');
                foreach (var (_, value) in entity)
                {
                    text.Append(value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : value?.ToString()).Append(' ');
                }
            }
        }

        return text.ToString();
    }

    [Fact]
    public async Task AddOutboxMessage_BeyondTheEntityLimit_IsRefusedNamingTheMessage()
    {
        var tooLarge = new byte[1024 * 1024];

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Store.AddOutboxMessageAsync(StoreSamples.Outbox("m-huge", minute: 1, attachment: tooLarge), CancellationToken.None));

        Assert.Equal("message", error.ParamName);
        Assert.Equal(0, (await Store.ListOutboxAsync(1, 10, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task Store_CreatesItsTablesUnderThePrefix()
    {
        await Store.GetInvoiceAsync("F-1", CancellationToken.None);

        var tables = new List<string>();
        await foreach (var table in _service.QueryAsync(filter: $"TableName ge '{_prefix}' and TableName lt '{_prefix}~'"))
        {
            tables.Add(table.Name[_prefix.Length..]);
        }

        Assert.Contains("invoices", tables);
        Assert.Contains("approvaltokens", tables);
        Assert.Contains("sentmessages", tables);
        Assert.Equal(17, tables.Count);
    }

    [Fact]
    public void Constructor_BadTablePrefix_ThrowsNamingThePrefix()
    {
        var error = Assert.Throws<ArgumentException>(() => new TableCollectionsStore(_service, "1-bad"));

        Assert.Equal("tablePrefix", error.ParamName);
    }
}
