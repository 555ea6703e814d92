using System.Net.Http.Json;
using System.Text.Json;
using Collections.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collections.Server.Tests.Privacy;

/// <summary>The logs at Information and above hold no personal data of the debtor (docs/privacy.md, "What is logged"):
/// a full ladder on the real server, every category logging at Information into a capturing provider.</summary>
public sealed class LogMaskingTests : IAsyncLifetime
{
    private const string Invoice = "2026-L001";
    private const string CallNote = "Zei dat haar man ziek is";

    private readonly CapturingLoggerProvider logs = new();
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync(
        ["--Logging:LogLevel:Default=Information"],
        realWorkflows: true,
        services: registered => registered.AddSingleton<ILoggerProvider>(logs));

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task FullLadder_NoNamePhoneEmailNoteOrMessageTextLoggedAtInformationOrAbove()
    {
        await FullLadder.RunAsync(server, Invoice, CallNote);
        var texts = await MessageTextsAsync();
        Assert.NotEmpty(texts);

        var logged = logs.Entries.Where(entry => entry.Level >= LogLevel.Information).ToList();

        Assert.Contains(logged, entry => entry.Text.Contains("Outbox: Sms message", StringComparison.Ordinal) && entry.Text.Contains("+31 6 •••• 78", StringComparison.Ordinal));
        Assert.Contains(logged, entry => entry.Text.Contains("a•••@k•••.example", StringComparison.Ordinal));
        string[] personal = ["Korenbloem", "administratie@", "612345678", "06 12345678", CallNote, .. texts];
        var leaks = logged
            .SelectMany(entry => personal.Where(value => entry.Text.Contains(value, StringComparison.OrdinalIgnoreCase)).Select(value => $"{entry.Category}: '{value}' in {entry.Text}"))
            .ToList();
        Assert.True(leaks.Count == 0, string.Join("\n\n", leaks));
    }

    /// <summary>A distinctive line of each message sent (the greeting and the closing are the same in many).</summary>
    private async Task<List<string>> MessageTextsAsync()
    {
        var outbox = await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox");
        return [.. outbox.GetProperty("items").EnumerateArray()
            .Select(item => item.GetProperty("message").GetProperty("text").GetString()!)
            .SelectMany(text => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(line => line.Length >= 30)
            .Distinct()];
    }
}
