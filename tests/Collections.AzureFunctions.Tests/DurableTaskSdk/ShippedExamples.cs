using System.Text.Json.Nodes;
using Collections.Policy;
using Collections.Server.Simulation;

namespace Collections.AzureFunctions.Tests.DurableTaskSdk;

/// <summary>The <c>simulate</c> examples shipped with the server, run by its <see cref="SimulationRunner"/> on either engine.</summary>
internal static class ShippedExamples
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "examples");

    public static Scenario Load(string file) => Scenario.Parse(File.ReadAllText(Path.Combine(Folder, file)));

    /// <param name="providerDownUntil">Every send fails until then, as in a provider outage.</param>
    public static async Task<IReadOnlyList<string>> RunAsync(
        Scenario scenario, Func<SimulationSetup, CancellationToken, Task<ISimulationEngine>>? engine = null, DateTimeOffset? providerDownUntil = null)
    {
        await using var runner = new SimulationRunner(scenario, new CollectionsPolicy(), engine: engine);
        runner.Sender.DownUntil = providerDownUntil;
        return [.. (await runner.RunAsync()).Select(Timeline.Serialize)];
    }

    /// <summary>The result of the last <c>completed</c> line of a timeline; null while the invoice is open.</summary>
    public static string? Result(IEnumerable<string> timeline) =>
        timeline.Select(line => JsonNode.Parse(line)!.AsObject()).LastOrDefault(line => line["type"]!.GetValue<string>() == "completed")?["result"]?.GetValue<string>();
}
