using System.Net;
using Collections.Server.Tests.Support;
using Collections.Web.Hosting;

namespace Collections.Server.Tests.Api;

public sealed class LocalApiKeyTests
{
    [Fact]
    public async Task Start_NoKeysConfigured_GeneratesKeyInDataFolderThatTheApiAccepts()
    {
        await using var server = await RunningServer.StartAsync(configureKeys: false);
        var keyFile = Path.Combine(server.DataPath, LocalSecret.ApiKeyFile);
        var key = await File.ReadAllTextAsync(keyFile);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/invoices");
        request.Headers.Add("X-Api-Key", key);

        var withGenerated = await server.Anonymous.SendAsync(request);
        var withTestKey = await server.Client.GetAsync("/api/invoices");

        Assert.Equal(HttpStatusCode.OK, withGenerated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withTestKey.StatusCode);
    }

    [Fact]
    public void LoadOrCreate_SecondStart_ReturnsTheSameKey()
    {
        var folder = Path.Combine(Path.GetTempPath(), "collections-server-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var first = LocalSecret.LoadOrCreate(folder, LocalSecret.ApiKeyFile);
            var second = LocalSecret.LoadOrCreate(folder, LocalSecret.ApiKeyFile);

            Assert.True(first.Created);
            Assert.False(second.Created);
            Assert.Equal(first.Value, second.Value);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
