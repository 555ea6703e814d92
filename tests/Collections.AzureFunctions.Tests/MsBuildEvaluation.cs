using System.Diagnostics;
using System.Text.Json;

namespace Collections.AzureFunctions.Tests;

/// <summary>Evaluates a project with <c>dotnet msbuild -getItem</c> (no restore, no build) and returns its items.</summary>
internal static class MsBuildEvaluation
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<JsonElement>>> ItemsAsync(string project, IEnumerable<string> itemTypes, params string[] properties)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        start.ArgumentList.Add("msbuild");
        start.ArgumentList.Add(project);
        start.ArgumentList.Add("-nologo");
        foreach (var itemType in itemTypes)
        {
            start.ArgumentList.Add($"-getItem:{itemType}");
        }

        foreach (var property in properties)
        {
            start.ArgumentList.Add($"-p:{property}");
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        using var timeout = new CancellationTokenSource(Limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet msbuild failed ({process.ExitCode}): {await output}{await errors}");
        }

        using var document = JsonDocument.Parse(await output);
        return document.RootElement.GetProperty("Items").EnumerateObject()
            .ToDictionary(items => items.Name, items => (IReadOnlyList<JsonElement>)[.. items.Value.EnumerateArray().Select(item => item.Clone())]);
    }

    public static string Identity(this JsonElement item) => item.GetProperty("Identity").GetString()!;

    public static string? Metadata(this JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.GetString() : null;
}
