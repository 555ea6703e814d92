using Collections.Server.Tests.Storage;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

/// <summary>Issue 13: a payment posted together with its invoice is never lost (SQLite store).</summary>
public sealed class PaymentInvoiceRaceTests
{
    [Fact]
    public async Task InvoiceAndPaymentAtOnce_SqliteStore_NoPaymentLost()
    {
        await using var server = await RunningServer.StartAsync(realWorkflows: true);

        var lost = await PaymentInvoiceRace.RunAsync(server, "RACE");

        Assert.Empty(lost);
    }
}

/// <summary>The same race with the production store, Azure Tables on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TablesPaymentInvoiceRaceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task InvoiceAndPaymentAtOnce_TablesStore_NoPaymentLost()
    {
        await using var server = await RunningServer.StartAsync([
            "--Collections:Store=tables",
            $"--Collections:Tables:ConnectionString={azurite.ConnectionString}",
            $"--Collections:Tables:TablePrefix=race{Guid.NewGuid():N}",
        ], realWorkflows: true);

        var lost = await PaymentInvoiceRace.RunAsync(server, "RACE");

        Assert.Empty(lost);
    }
}
