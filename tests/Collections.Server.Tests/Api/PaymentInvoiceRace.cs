using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

/// <summary>
/// An invoice and its full payment posted at the same moment, many pairs at once, while the embedded runtime
/// runs the workflows: every payment must end up in the stored balance and in the workflow (paid), whichever
/// request wins. Shared by the SQLite and the Azure Tables test.
/// </summary>
internal static class PaymentInvoiceRace
{
    public const int Rounds = 3;
    public const int PairsPerRound = 20;

    /// <summary>Runs the rounds and returns the invoice numbers whose payment was lost (balance or workflow).</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(RunningServer server, string prefix)
    {
        var lost = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var numbers = Enumerable.Range(0, PairsPerRound).Select(pair => $"{prefix}-{round}-{pair:00}").ToList();
            using var posting = new CancellationTokenSource();
            var workflows = RunWorkflowsWhileAsync(server, posting.Token);
            var responses = await Task.WhenAll(numbers.SelectMany(number => new[]
            {
                PostInvoiceAsync(server, number),
                server.Client.PostAsJsonAsync($"/api/invoices/{number}/payments", new { paymentId = $"pay-{number}", amount = 100m, currency = "EUR" }),
            }));
            await posting.CancelAsync();
            await workflows;
            await server.Driver.RunUntilIdleAsync();

            Assert.All(responses, response => Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString()));
            foreach (var number in numbers)
            {
                var invoice = await server.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{number}");
                var workflow = invoice.GetProperty("workflow");
                if (invoice.GetProperty("openBalance").GetDecimal() != 0m
                    || workflow.GetProperty("outcome").GetString() != "paid")
                {
                    lost.Add(number);
                }
            }
        }

        return lost;
    }

    private static Task<HttpResponseMessage> PostInvoiceAsync(RunningServer server, string number)
    {
        var json = InvoiceJson.Valid(number, 100m);
        json["debtor"]!["id"] = "debtor-" + number;
        return server.Client.PostAsync("/api/invoices", InvoiceJson.Content(json));
    }

    private static async Task RunWorkflowsWhileAsync(RunningServer server, CancellationToken posting)
    {
        while (!posting.IsCancellationRequested)
        {
            await server.Driver.RunUntilIdleAsync();
            await Task.Yield();
        }
    }
}
