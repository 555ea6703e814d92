using System.Globalization;
using Collections.Benchmarks;

// Usage: dotnet run -c Release --project tests/Collections.Benchmarks -- <sequence5|timers|events|peers|footprint|budget|intake|reminder-day|staff-pages> [--instances N] [--batched N] [--storage-instances N] [--rounds N] [--store sqlite|tables]
// Each benchmark prints progress lines and, as its last line, one JSON object with its figures.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Collections.Benchmarks <sequence5|timers|events|peers|footprint|budget|intake|reminder-day|staff-pages> [--instances N] [--batched N] [--storage-instances N] [--rounds N] [--store sqlite|tables]");
    return 2;
}

int? instances = null;
int? batched = null;
int? storageInstances = null;
var storeName = "sqlite";
var rounds = 3;
for (var i = 1; i < args.Length - 1; i++)
{
    if (args[i] == "--instances")
    {
        instances = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--batched")
    {
        batched = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--storage-instances")
    {
        storageInstances = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--store")
    {
        storeName = args[i + 1];
    }
    else if (args[i] == "--rounds")
    {
        rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
}

var json = args[0] switch
{
    "sequence5" => await SequenceBenchmark.RunAsync(instances ?? 20_000),
    "timers" => await TimersBenchmark.RunAsync(instances ?? 100_000),
    "events" => await EventsBenchmark.RunAsync(instances ?? 10_000),
    "footprint" => await FootprintBenchmark.RunAsync(instances ?? 200),
    "peers" => await PeersBenchmark.RunAsync(instances ?? 10_000, storageInstances ?? 500, rounds),
    "budget" => await SendingBudgetBenchmark.RunAsync(instances ?? 1_100),
    "intake" => await IntakeBenchmark.RunAsync(instances ?? 2_000, batched ?? 10_000),
    "reminder-day" => await ReminderDayBenchmark.RunAsync(instances ?? 100_000),
    "staff-pages" => await StaffPagesBenchmark.RunAsync(instances ?? 100_000, storeName),
    _ => null,
};
if (json is null)
{
    Console.Error.WriteLine($"unknown benchmark '{args[0]}'");
    return 2;
}

Console.WriteLine(json);
return 0;
