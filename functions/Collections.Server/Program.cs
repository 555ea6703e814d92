using Collections.Server;
using Collections.Server.Simulation;

// Entry point of the self-hosted product: `simulate` previews a policy on a scenario;
// anything else starts the server (`--demo`, `--urls` and configuration switches included).
if (args.Length > 0 && args[0] == "simulate")
{
    return await SimulateCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

return await ServerApp.RunAsync(args);
