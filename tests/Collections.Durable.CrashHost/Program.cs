using Collections.Durable;
using Collections.Durable.CrashHost;

// Usage: Collections.Durable.CrashHost <database> <execution-log> <instances>
// Starts (idempotently) the instances, raises each one's Go event (deduplicated by event id), and runs until
// all are finished. The crash test kills this process at random points and starts it again.
if (args.Length != 3 || !int.TryParse(args[2], out var instances))
{
    Console.Error.WriteLine("usage: Collections.Durable.CrashHost <database> <execution-log> <instances>");
    return 2;
}

var registry = CrashWorkflow.Register(new DurableRegistry(), args[1]);
await using var runtime = new DurableRuntime(registry, new DurableRuntimeOptions { DatabasePath = args[0] });
await runtime.StartAsync();
for (var i = 0; i < instances; i++)
{
    // Only if absent: a finished instance from before the last crash must not be restarted.
    if (await runtime.Client.GetStatusAsync($"i{i}") is null)
    {
        await runtime.Client.StartAsync(CrashWorkflow.Name, $"i{i}", i);
    }

    await runtime.Client.RaiseEventAsync($"i{i}", CrashWorkflow.GoEvent, i, eventId: $"go-{i}");
}

Console.WriteLine("started");
for (var i = 0; i < instances; i++)
{
    await runtime.Client.WaitForCompletionAsync($"i{i}");
}

Console.WriteLine("done");
return 0;
