using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collections.Server.Tests.Support;
using Microsoft.Playwright;

namespace Collections.Server.Tests.Browser;

/// <summary>The debtor agrees a plan on the page behind their reminder's link, and the real workflow (embedded
/// runtime, virtual time) follows it: the plan is confirmed in writing, the planned call is not made, the
/// instalments are watched.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DebtorPlanWorkflowTests(BrowserFixture fixture) : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await BrowserFixture.StartServerAsync(realWorkflows: true);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task PlanFromTheReminderLink_WorkflowWatchesThePlan_NoCallAndPaidInFullEndsIt()
    {
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-P001", 242m)));
        await server.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 5, 18, 0, 0, TimeSpan.Zero));
        var reminder = Assert.Single((await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").EnumerateArray());
        var link = new Uri(Regex.Match(reminder.GetProperty("message").GetProperty("text").GetString()!, @"https?://\S+/debtor/\S+").Value);
        var page = await fixture.NewPageAsync(phone: true, server: server.Address);

        await page.GotoAsync(link.PathAndQuery);
        await page.GetByText("Een betalingsregeling voorstellen").ClickAsync();
        await page.GetByLabel("Datum termijn 1").FillAsync("2026-03-20");
        await page.GetByLabel("Bedrag termijn 1").FillAsync("121");
        await page.GetByLabel("Datum termijn 2").FillAsync("2026-04-20");
        await page.GetByLabel("Bedrag termijn 2").FillAsync("121");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorstel versturen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("uw betalingsregeling is afgesproken");
        await PageChecks.AssertAccessibleAsync(page, "debtor-plan-agreed-phone");

        // Without the plan the first call would be on the list on 13 March (once the reminder's deadline, 11 March, and a grace day have passed).
        await server.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 18, 12, 0, 0, TimeSpan.Zero));
        Assert.Empty((await server.Client.GetFromJsonAsync<JsonElement>("/api/calls")).EnumerateArray());
        var sent = (await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, sent.Count);
        var confirmation = sent.Single(item => item.GetProperty("id").GetString() != reminder.GetProperty("id").GetString()).GetProperty("message").GetProperty("text").GetString();
        Assert.Contains("betalingsregeling", confirmation, StringComparison.Ordinal);
        Assert.Contains("De eerste termijn: € 121,00 op 20 maart 2026.", confirmation, StringComparison.Ordinal);
        var watching = await server.Client.GetFromJsonAsync<JsonElement>("/api/invoices/2026-P001");
        Assert.Contains(
            watching.GetProperty("timeline").EnumerateArray(),
            entry => entry.GetProperty("kind").GetString() == "plan-agreed"
                && entry.GetProperty("summary").GetString() == "Payment plan agreed with the debtor: €242.00 in 2 instalments, the last due 2026-04-20.");

        await server.Client.PostAsJsonAsync("/api/invoices/2026-P001/payments", new { paymentId = "bank-1", amount = 121m, currency = "EUR", paidAt = "2026-03-18T11:00:00Z" });
        await server.Driver.AdvanceToAsync(new DateTimeOffset(2026, 4, 17, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, (await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").GetArrayLength());
        await server.Client.PostAsJsonAsync("/api/invoices/2026-P001/payments", new { paymentId = "bank-2", amount = 121m, currency = "EUR", paidAt = "2026-04-17T11:00:00Z" });
        await server.Driver.RunUntilIdleAsync();

        var finished = await server.Client.GetFromJsonAsync<JsonElement>("/api/invoices/2026-P001");
        Assert.Equal("paid", finished.GetProperty("workflow").GetProperty("outcome").GetString());
    }
}
