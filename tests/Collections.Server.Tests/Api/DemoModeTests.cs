using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Server.Hosting.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Server.Tests.Api;

public sealed class DemoModeTests
{
    [Fact]
    public async Task Demo_Start_SeedsInvoicesWithRunningWorkflowsInItsOwnDataFolder()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "collections-server-tests", Guid.NewGuid().ToString("N"));
        const string key = "demo-test-key-0123456789";
        var app = ServerApp.Build(["--demo", "--urls=http://127.0.0.1:0", $"--Collections:DataPath={dataPath}", $"--Collections:ApiKeys:0={key}", "--Logging:LogLevel:Default=Warning"]);
        try
        {
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);

            var invoices = await WaitForAsync(client, "/api/invoices", page => page.GetProperty("totalCount").GetInt32() == 5);
            var first = await client.GetFromJsonAsync<JsonElement>("/api/invoices/DEMO-1001");

            Assert.Equal(5, invoices.GetProperty("items").GetArrayLength());
            Assert.Equal("Running", first.GetProperty("workflow").GetProperty("runtimeStatus").GetString());
            Assert.True(File.Exists(Path.Combine(dataPath, "demo", "collections.db")));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_Start_MakesAStaffAccountThatSignsInAndKeepsItsPassword()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "collections-server-tests", Guid.NewGuid().ToString("N"));
        var app = ServerApp.Build(["--demo", "--urls=http://127.0.0.1:0", $"--Collections:DataPath={dataPath}", "--Logging:LogLevel:Default=Warning"]);
        try
        {
            await app.StartAsync();
            var account = app.Services.GetRequiredService<DemoAccount>();
            using var form = new Staff.SignInForm(new Uri(app.Urls.First()));

            var signedIn = await form.PostAsync(account.UserName, account.Password);

            Assert.Equal(System.Net.HttpStatusCode.SeeOther, signedIn.StatusCode);
            Assert.Equal(account, DemoAccount.Ensure(Path.Combine(dataPath, "demo")));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(path);
            if (done(page) || deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                return page;
            }

            await Task.Delay(50);
        }
    }
}
