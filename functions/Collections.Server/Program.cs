using Collections.Server.Simulation;

// Entry point of the self-hosted product. `simulate` previews a policy on a scenario.
// Until the server exists, running without arguments simulates the bundled example.
if (args.Length > 0 && args[0] == "simulate")
{
    return await SimulateCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

if (args.Length == 0)
{
    var example = Path.Combine(AppContext.BaseDirectory, "examples", "late-payer-full-ladder.json");
    await Console.Error.WriteLineAsync($"Collections: the server is not built yet; simulating the bundled example {example}.");
    await Console.Error.WriteLineAsync("Hint: " + SimulateCommand.Usage);
    return await SimulateCommand.RunAsync(["--scenario", example], Console.Out, Console.Error);
}

await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. {SimulateCommand.Usage}");
return 2;
