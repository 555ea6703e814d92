using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collections.Server.Hosting.Demo;

/// <summary><c>--demo</c>: a handful of realistic invoices and a clock running one simulated hour per
/// real second (real time while calls wait on the list in the call window, see <see cref="DemoCallPace"/>), with its own
/// data folder and a staff account, so reminders, call tasks and approvals appear within minutes.</summary>
internal static class DemoMode
{
    public const string Switch = "--demo";
    public const double HoursPerSecond = 3600;

    public static bool TryTake(string[] args, out string[] remaining)
    {
        remaining = [.. args.Where(argument => argument != Switch)];
        return remaining.Length != args.Length;
    }

    public static void Configure(WebApplicationBuilder builder)
    {
        // Demo data never mixes with real data.
        var dataPath = Path.Combine(builder.Configuration["Collections:DataPath"] ?? "data", "demo");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Collections:DataPath"] = dataPath,
            ["Collections:Sqlite:Path"] = Path.Combine(dataPath, "collections.db"),
        });
        builder.Services.AddSingleton(DemoAccount.Ensure(dataPath));
        builder.Services.RemoveAll<TimeProvider>();
        var clock = new DemoClock(DateTimeOffset.UtcNow, HoursPerSecond);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddHostedService<DemoCallPace>();
        builder.Services.AddHostedService<DemoInvoices>();
    }
}
