using System.Globalization;
using System.Text.Json.Nodes;
using Collections.Handlers.Invoices;

namespace Collections.Server.Hosting.Demo;

/// <summary>Posts the demo's invoices through the normal intake once the server runs (again on a restart:
/// intake is idempotent, so nothing doubles).</summary>
internal sealed class DemoInvoices(SubmitInvoiceHandler intake, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DemoInvoices> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = SeedAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        try
        {
            var invoices = Invoices(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            foreach (var invoice in invoices)
            {
                var outcome = await intake.HandleAsync(invoice.ToJsonString(), cancellationToken);
                logger.LogInformation("Demo invoice {Number}: {Outcome}", invoice["number"], outcome.Kind);
            }

            await Console.Out.WriteLineAsync(
                $"Demo: {invoices.Count} invoices posted; one simulated hour passes per second (real time while calls wait on /staff/calls). Watch /api/outbox, /api/calls and /api/invoices.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Posting the demo invoices failed.");
        }
    }

    private static IReadOnlyList<JsonObject> Invoices(DateOnly today) =>
    [
        Invoice("DEMO-1001", today.AddDays(-30), today.AddDays(-2), 1250.00m, Debtor("C-17", "Jan Jansen", "consumer", "+31612345678", "jan@example.nl", "sms")),
        Invoice("DEMO-1002", today.AddDays(-14), today.AddDays(1), 486.40m, Debtor("B-204", "Bakkerij De Korenbloem", "business", "+31687654321", "administratie@korenbloem.example", "email", late: true)),
        Invoice("DEMO-1003", today.AddDays(-45), today.AddDays(-15), 89.95m, Debtor("C-31", "Fatima el Amrani", "consumer", "+31655512345", "fatima@example.nl", "email")),
        Invoice("DEMO-1004", today.AddDays(-20), today, 3120.00m, Debtor("B-77", "Van Dijk Installaties B.V.", "business", "+31622233344", "crediteuren@vandijk.example", "sms")),
        Invoice("DEMO-1005", today.AddDays(-7), today.AddDays(7), 245.00m, Debtor("C-58", "Pieter de Boer", "consumer", "+31633344455", null, "sms")),
    ];

    private static JsonObject Invoice(string number, DateOnly issued, DateOnly due, decimal amount, JsonObject debtor) => new()
    {
        ["number"] = number,
        ["issueDate"] = Date(issued),
        ["dueDate"] = Date(due),
        ["amount"] = amount,
        ["currency"] = "EUR",
        ["source"] = "demo",
        ["debtor"] = debtor,
    };

    private static JsonObject Debtor(string id, string name, string kind, string phone, string? email, string channel, bool late = false)
    {
        var debtor = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["kind"] = kind,
            ["phone"] = phone,
            ["email"] = email,
            ["preferredChannel"] = channel,
            ["language"] = "nl",
        };
        if (late)
        {
            debtor["history"] = new JsonObject { ["invoicesPaidLate"] = 4, ["invoicesPaidOnTime"] = 1, ["averageDaysLate"] = 12 };
        }

        return debtor;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
