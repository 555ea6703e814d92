using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.EndToEnd;

/// <summary>Corrections reaching a running workflow: the real server, the invoice workflow on the embedded
/// runtime and the SQLite store, virtual time.</summary>
public sealed class InvoiceChangeLifecycleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset AfterFirstReminder = new(2026, 3, 5, 18, 0, 0, TimeSpan.Zero);

    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync(realWorkflows: true);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task LandlineForSmsAndNoEmail_StaffGiveAMobileNumber_WaitingWorkflowContinuesWithAnSms()
    {
        var invoice = InvoiceJson.Valid("2026-E010");
        invoice["debtor"]!.AsObject().Remove("email");
        invoice["debtor"]!["phone"] = "020 123 4567";
        Assert.Equal(HttpStatusCode.Created, (await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(invoice))).StatusCode);
        await server.Driver.RunUntilIdleAsync();

        var waiting = await GetInvoiceAsync("2026-E010");
        Assert.Equal("await-contact-details", waiting.GetProperty("workflow").GetProperty("stage").GetString());
        Assert.Contains(waiting.GetProperty("timeline").EnumerateArray(), entry =>
            entry.GetProperty("kind").GetString() == "staff-task" && entry.GetProperty("summary").GetString()!.Contains("landline", StringComparison.Ordinal));

        var fixedByStaff = await server.Client.PatchAsJsonAsync("/api/invoices/2026-E010/contact", new { phone = "06 23456789", by = "Sanne" });
        Assert.Equal(HttpStatusCode.OK, fixedByStaff.StatusCode);
        await server.Driver.AdvanceToAsync(AfterFirstReminder);

        var reminder = Assert.Single((await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").EnumerateArray());
        Assert.Equal("+31623456789", reminder.GetProperty("message").GetProperty("to").GetString());
        Assert.NotEqual("await-contact-details", (await GetInvoiceAsync("2026-E010")).GetProperty("workflow").GetProperty("stage").GetString());
    }

    [Fact]
    public async Task LandlineForSmsAndNoEmail_StaffTaskStoredForTheInboxOncePerLogEntry()
    {
        var invoice = InvoiceJson.Valid("2026-E012");
        invoice["debtor"]!.AsObject().Remove("email");
        invoice["debtor"]!["phone"] = "020 123 4567";
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(invoice));
        await server.Driver.RunUntilIdleAsync();

        var logged = (await GetInvoiceAsync("2026-E012")).GetProperty("timeline").EnumerateArray()
            .Count(entry => entry.GetProperty("kind").GetString() == "staff-task");
        var tasks = (await server.Store.ListOpenStaffTasksAsync(default)).Where(task => task.InvoiceNumber == "2026-E012").ToList();

        Assert.True(logged > 0);
        Assert.Equal(logged, tasks.Count);
        Assert.Contains(tasks, task => task.Kind == Collections.Storage.StaffTaskKinds.CheckBeforeChasing && task.Summary.Contains("landline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AmountAmendedBeforeTheDueDate_ReminderStatesTheNewAmount()
    {
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-E011", 242m)));
        await server.Driver.RunUntilIdleAsync();

        var amended = await server.Client.PatchAsJsonAsync("/api/invoices/2026-E011", new { amount = 199.95m, by = "Sanne" });
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        await server.Driver.AdvanceToAsync(AfterFirstReminder);

        var reminder = Assert.Single((await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").EnumerateArray());
        var text = reminder.GetProperty("message").GetProperty("text").GetString()!;
        Assert.Contains("199,95", text, StringComparison.Ordinal);
        Assert.DoesNotContain("242,00", text, StringComparison.Ordinal);
        Assert.Equal(199.95m, (await GetInvoiceAsync("2026-E011")).GetProperty("openBalance").GetDecimal());
    }

    private async Task<JsonElement> GetInvoiceAsync(string number) => await server.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{number}");
}
