using Collections.Server;
using Collections.Server.Hosting;
using Collections.Server.Simulation;
using Collections.Web.Staff;

// Entry point of the self-hosted product: `simulate` previews a policy on a scenario; `staff add NAME`
// makes a staff account; `import FILE.csv` submits an accounting export's invoices; anything else starts the server (`--demo`, `--urls` and configuration switches included).
if (args.Length > 0 && args[0] == "simulate")
{
    return await SimulateCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "staff")
{
    return StaffCommand.Run(args[1..], StaffCommand.AskOnConsole, Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "import")
{
    return await ImportCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

return await ServerApp.RunAsync(args);
