using Collections.Handlers;
using Collections.Handlers.Invoices;
using Collections.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Server.Hosting;

/// <summary>
/// <c>import FILE.csv</c>: submits every invoice of an accounting system's CSV export (<see cref="InvoiceCsv"/>)
/// through the same handler as <c>POST /api/invoices/batch</c>, into the store and runtime of the data folder the
/// server uses (configuration switches apply as for the server). Idempotent like the API: importing a file again
/// creates nothing new. Run it while the server is stopped: the embedded runtime expects one process per data folder.
/// </summary>
internal static class ImportCommand
{
    private const string Usage = "usage: import FILE.csv [--Collections:DataPath=FOLDER]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not [var path, .. var settings] || path.StartsWith('-'))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"No file {path}.");
            return 1;
        }

        var invoices = InvoiceCsv.ReadInvoices(await File.ReadAllBytesAsync(path));
        // Kestrel only on a free loopback port: the command needs the app's services and runtime, not its pages.
        var app = ServerApp.Build(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. settings]);
        await app.StartAsync();
        try
        {
            var handler = app.Services.GetRequiredService<SubmitInvoiceBatchHandler>();
            var counts = new Dictionary<OutcomeKind, int>();
            for (var first = 0; first < invoices.Count; first += SubmitInvoiceBatchHandler.MaxInvoices)
            {
                var chunk = invoices.Skip(first).Take(SubmitInvoiceBatchHandler.MaxInvoices).ToList();
                var outcomes = await handler.HandleAsync(chunk, CancellationToken.None);
                for (var i = 0; i < outcomes.Count; i++)
                {
                    counts[outcomes[i].Kind] = counts.GetValueOrDefault(outcomes[i].Kind) + 1;
                    await ReportRefusedAsync(first + i, outcomes[i], error);
                }
            }

            var refused = invoices.Count - counts.GetValueOrDefault(OutcomeKind.Created) - counts.GetValueOrDefault(OutcomeKind.Ok);
            await output.WriteLineAsync(
                $"{invoices.Count} invoices in {path}: {counts.GetValueOrDefault(OutcomeKind.Created)} created, {counts.GetValueOrDefault(OutcomeKind.Ok)} already there, {refused} refused.");
            return refused == 0 ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Data rows count from 1, after the header (a cell may hold a line break, so file lines would mislead).</summary>
    private static async Task ReportRefusedAsync(int index, HandlerOutcome<InvoiceSummary> outcome, TextWriter error)
    {
        var row = index + 1;
        switch (outcome.Kind)
        {
            case OutcomeKind.Invalid:
                foreach (var (field, messages) in outcome.Errors!)
                {
                    await error.WriteLineAsync($"row {row}: {field}: {string.Join(" ", messages)}");
                }

                break;
            case OutcomeKind.Conflict:
                await error.WriteLineAsync($"row {row}: {outcome.Detail}");
                break;
        }
    }
}
