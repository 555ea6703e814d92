using System.Net.Http.Json;
using System.Text.Json;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

/// <summary>GET /health warns when the law data (designated days, interest rates) runs out within twelve months.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_RateTableEndsWithinTwelveMonths_WarningNamesTheFile()
    {
        await using var server = await RunningServer.StartAsync();

        var health = await server.Anonymous.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("warning", health.GetProperty("status").GetString());
        var warnings = health.GetProperty("warnings").EnumerateArray().Select(warning => warning.GetString()!).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, warning => Assert.Contains("interest-rates.json) cover only through 2026-12-31", warning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_OnTwoDecember2026_RateTableEndingThisMonth_Warns()
    {
        await using var server = await RunningServer.StartAsync();
        server.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

        var health = await server.Anonymous.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("warning", health.GetProperty("status").GetString());
        var warnings = health.GetProperty("warnings").EnumerateArray().Select(warning => warning.GetString()!).ToList();
        Assert.Contains(warnings, warning => warning.StartsWith("Consumer statutory interest rates", StringComparison.Ordinal) && warning.Contains("add the rates up to 2027-12-02", StringComparison.Ordinal));
        Assert.Contains(warnings, warning => warning.StartsWith("Commercial statutory interest rates", StringComparison.Ordinal));
    }
}
