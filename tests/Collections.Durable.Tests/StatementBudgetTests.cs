using Xunit.Abstractions;

namespace Collections.Durable.Tests;

/// <summary>
/// The SQL statements the runtime spends per orchestration, counted (not timed): what bounds throughput on the
/// single SQLite writer. Budget from issue #15: at most 30 per HelloCities5 orchestration (5 sequential activities),
/// client start and wait for completion included.
/// </summary>
public sealed class StatementBudgetTests(ITestOutputHelper output)
{
    private static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Amsterdam", "Berlin"];

    [Fact]
    public async Task HelloCities5_ManyAtOnce_AtMost30StatementsPerOrchestration()
    {
        const int instances = 200;
        await using var host = await DurableTestHost.StartAsync(HelloCities5);
        var before = host.Runtime.StatementsExecuted;

        await Task.WhenAll(Enumerable.Range(0, instances).Select(i => host.Client.StartAsync("HelloCities5", $"hello-{i}")));
        var completions = Enumerable.Range(0, instances).Select(i => host.Client.WaitForCompletionAsync($"hello-{i}")).ToList();
        await host.Driver.RunUntilIdleAsync();
        var statuses = await Task.WhenAll(completions);

        Assert.All(statuses, s => Assert.Equal(["Hello Tokyo!", "Hello Seattle!", "Hello London!", "Hello Amsterdam!", "Hello Berlin!"], s.ReadOutput<List<string>>()));
        var perOrchestration = (double)(host.Runtime.StatementsExecuted - before) / instances;
        output.WriteLine($"{perOrchestration:F1} statements per orchestration ({instances} at once)");
        Assert.InRange(perOrchestration, 5, 30);
    }

    [Fact]
    public async Task HelloCities5_Alone_AtMost60Statements()
    {
        await using var host = await DurableTestHost.StartAsync(HelloCities5);
        var before = host.Runtime.StatementsExecuted;

        await host.Client.StartAsync("HelloCities5", "alone");
        var completion = host.Client.WaitForCompletionAsync("alone");
        await host.Driver.RunUntilIdleAsync();
        await completion;

        output.WriteLine($"{host.Runtime.StatementsExecuted - before} statements for one orchestration alone");

        // Alone, nothing is shared with other instances: 6 turns, 5 activity attempts and the idle checks pay in full.
        Assert.InRange(host.Runtime.StatementsExecuted - before, 1, 60);
    }

    private static DurableRegistry HelloCities5() => new DurableRegistry()
        .AddActivity<string, string>("SayHello", city => Task.FromResult($"Hello {city}!"))
        .AddOrchestrator("HelloCities5", async ctx =>
        {
            var greetings = new List<string>(Cities.Length);
            foreach (var city in Cities)
            {
                greetings.Add(await ctx.CallActivityAsync<string>("SayHello", city));
            }

            return greetings;
        });
}
