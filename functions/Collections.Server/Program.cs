// Entry point of the self-hosted product. `simulate` previews a policy on a scenario;
// without arguments the server starts (built in the server issue).
Console.Error.WriteLine("Collections: the server is not built yet. Usage: simulate --scenario <file.json> [--policy <file.json>]");
return 2;
