using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Server.Tests.Support;
using Microsoft.Extensions.Options;

namespace Collections.Server.Tests.Api;

public sealed class OpenApiAndHostingTests
{
    [Fact]
    public async Task OpenApi_Document_DescribesTheApiWithoutAKey()
    {
        await using var server = await RunningServer.StartAsync();

        var document = await server.Anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/api/invoices", paths);
        Assert.Contains("/api/invoices/{number}/payments", paths);
        Assert.Contains("/api/webhooks/stripe", paths);
        Assert.Contains("/approvals/{token}", paths);
        Assert.Equal("X-Api-Key", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString());
        var operations = document.GetProperty("paths");
        Assert.True(operations.GetProperty("/api/invoices").GetProperty("post").TryGetProperty("security", out _));
        Assert.False(operations.GetProperty("/api/webhooks/stripe").GetProperty("post").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Scalar_ReferencePage_Served()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Anonymous.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Start_ConfiguredApiKeyTooShort_FailsWithTheSettingNamed()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            RunningServer.StartAsync(["--Collections:ApiKeys:0=short"], configureKeys: false));

        Assert.Contains("Collections:ApiKeys:0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PolicyFileMissing_FailsNamingTheSetting()
    {
        var failure = await Assert.ThrowsAsync<Collections.Policy.PolicyException>(() =>
            RunningServer.StartAsync(["--Collections:PolicyPath=/nonexistent/policy.json"]));

        Assert.Contains("Collections:PolicyPath", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnknownStore_Fails()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunningServer.StartAsync(["--Collections:Store=mongo"]));
    }
}
