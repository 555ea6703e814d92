using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Collections.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Benchmarks;

/// <summary>Invoice intake over HTTP against the real server (Kestrel on 127.0.0.1, the embedded runtime and the
/// SQLite store, real clock): single posts from 8 and from 32 concurrent clients (invoices/s, p50, p99), then
/// <c>POST /api/invoices/batch</c> in batches of 1,000 (invoices/s).</summary>
internal static class IntakeBenchmark
{
    private const string ApiKey = "benchmark-key-0123456789abcdef";
    private const int BatchSize = 1_000;
    private const int WarmUp = 200;

    public static async Task<string> RunAsync(int singles, int batched)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "collections-benchmarks", Guid.NewGuid().ToString("N"));
        var app = ServerApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Collections:DataPath={dataPath}",
            $"--Collections:Sqlite:Path={Path.Combine(dataPath, "collections.db")}",
            $"--Collections:ApiKeys:0={ApiKey}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        try
        {
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

            // Not measured: JIT, connection pool and the store's first pages.
            await SinglesAsync(client, "W", WarmUp, clients: 8);
            var eight = await SinglesAsync(client, "S8", singles, clients: 8);
            var thirtyTwo = await SinglesAsync(client, "S32", singles, clients: 32);
            var batch = await BatchesAsync(client, batched);
            return JsonSerializer.Serialize(new { benchmark = "intake", singles, batched, clients8 = eight, clients32 = thirtyTwo, batch });
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static async Task<object> SinglesAsync(HttpClient client, string prefix, int count, int clients)
    {
        var latencies = new double[count];
        var refused = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync("/api/invoices", Content(Invoice($"{prefix}-{i}")), token);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.Created)
            {
                Interlocked.Increment(ref refused);
            }
        });
        var elapsed = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        Console.WriteLine($"{count} single posts from {clients} clients in {elapsed:F2} s");
        return new
        {
            clients,
            invoicesPerSecond = Math.Round(count / elapsed, 1),
            p50Ms = Math.Round(Percentile(latencies, 50), 1),
            p99Ms = Math.Round(Percentile(latencies, 99), 1),
            refused,
        };
    }

    private static async Task<object> BatchesAsync(HttpClient client, int count)
    {
        var refused = 0;
        var clock = Stopwatch.StartNew();
        for (var first = 0; first < count; first += BatchSize)
        {
            var items = Enumerable.Range(first, Math.Min(BatchSize, count - first)).Select(i => Invoice($"B-{i}"));
            using var response = await client.PostAsync("/api/invoices/batch", Content($"[{string.Join(',', items)}]"));
            using var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            refused += results.RootElement.EnumerateArray().Count(result => result.GetProperty("status").GetString() != "created");
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{count} invoices in batches of {BatchSize} in {elapsed:F2} s");
        return new { batchSize = BatchSize, invoicesPerSecond = Math.Round(count / elapsed, 1), refused };
    }

    private static double Percentile(double[] sorted, int percent) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];

    private static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Due in 30 days, so the workflows wait on their first timer instead of sending during the run.</summary>
    private static string Invoice(string number)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return string.Create(CultureInfo.InvariantCulture,
            $$$"""{"number":"{{{number}}}","issueDate":"{{{today:yyyy-MM-dd}}}","dueDate":"{{{today.AddDays(30):yyyy-MM-dd}}}","amount":242.00,"currency":"EUR","source":"benchmark","debtor":{"id":"debtor-{{{number}}}","name":"Bakkerij De Korenbloem","kind":"business","email":"administratie@korenbloem.example","phone":"06 12345678","preferredChannel":"email","language":"nl"}}""");
    }
}
