using Collections.Policy;

namespace Collections.Server.Simulation;

/// <summary><c>simulate --scenario scenario.json [--policy policy.json]</c>: previews what the workflow does
/// with a scenario under a policy, as JSON Lines on stdout. Exit 0; bad input: a message on stderr, exit 2.</summary>
public static class SimulateCommand
{
    public const string Usage = "Usage: simulate --scenario <scenario.json> [--policy <policy.json>]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Scenario scenario;
        CollectionsPolicy policy;
        try
        {
            var (scenarioPath, policyPath) = ParseArguments(args);
            scenario = Scenario.Parse(await ReadAsync(scenarioPath, "--scenario", cancellationToken));
            policy = policyPath is null ? new CollectionsPolicy() : PolicyDocument.Parse(await ReadAsync(policyPath, "--policy", cancellationToken));
        }
        catch (Exception problem) when (problem is ScenarioException or PolicyException or ArgumentException)
        {
            await error.WriteLineAsync(problem.Message);
            await error.WriteLineAsync(Usage);
            return 2;
        }

        await using var runner = new SimulationRunner(scenario, policy);
        IReadOnlyList<System.Text.Json.Nodes.JsonObject> timeline;
        try
        {
            timeline = await runner.RunAsync(cancellationToken);
        }
        catch (InvalidOperationException failed)
        {
            // A workflow failed: a bug, not bad input. Say which and how.
            await error.WriteLineAsync(failed.Message);
            return 1;
        }

        foreach (var line in timeline)
        {
            await output.WriteLineAsync(Timeline.Serialize(line));
        }

        return 0;
    }

    private static (string Scenario, string? Policy) ParseArguments(IReadOnlyList<string> args)
    {
        string? scenario = null;
        string? policy = null;
        for (var index = 0; index < args.Count; index++)
        {
            var value = index + 1 < args.Count ? args[index + 1] : throw new ArgumentException($"{args[index]} needs a file path.");
            switch (args[index])
            {
                case "--scenario":
                    scenario = value;
                    break;
                case "--policy":
                    policy = value;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[index]}'.");
            }

            index++;
        }

        return (scenario ?? throw new ArgumentException("--scenario is required."), policy);
    }

    private static async Task<string> ReadAsync(string path, string option, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{option}: cannot read '{path}': {problem.Message}", problem);
        }
    }
}
