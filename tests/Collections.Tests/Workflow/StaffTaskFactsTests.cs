using System.Text.Json;
using System.Text.Json.Nodes;
using Collections.Invoices;
using Collections.Policy;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.Tests.Workflow;

/// <summary>The workflow stores the facts of a staff task's text with it, so the inbox can tell it in its reader's language.</summary>
public sealed class StaffTaskFactsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task Overpayment_TaskCarriesWhichTextAndTheAmount()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(Start.AddHours(1));

        await host.Workflows.RaiseAsync("A-1", new PaymentReceived("tr_over", 1500m, Start.AddHours(1)), "tr_over");
        await host.Driver.AdvanceToAsync(Start.AddHours(2));

        var task = Assert.Single(await host.Store.ListOpenStaffTasksAsync(CancellationToken.None));
        Assert.Equal(StaffTaskKinds.Overpayment, task.Kind);
        using var details = JsonDocument.Parse(task.DetailsJson!);
        Assert.Equal("overpayment", details.RootElement.GetProperty("text").GetString());
        Assert.Equal(250m, details.RootElement.GetProperty("amount").GetDecimal());
        var payment = Assert.Single(await host.Store.ListContactsAsync("A-1", CancellationToken.None), entry => entry.Kind == "payment");
        using var paymentDetails = JsonDocument.Parse(payment.DataJson!);
        Assert.Equal(1500m, paymentDetails.RootElement.GetProperty("amount").GetDecimal());
        Assert.Equal(0m, paymentDetails.RootElement.GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task CallNotWorked_TaskCarriesTheScriptAndTheDays()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());

        // The first call is planned for 13 March; nobody records an outcome.
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 16, 20, 0, 0, TimeSpan.FromHours(1)));

        var task = (await host.Store.ListOpenStaffTasksAsync(CancellationToken.None)).First(open => open.Kind == StaffTaskKinds.CallNotWorked);
        using var details = JsonDocument.Parse(task.DetailsJson!);
        Assert.Equal("call-overdue", details.RootElement.GetProperty("text").GetString());
        Assert.Equal("first-contact", details.RootElement.GetProperty("script").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", details.RootElement.GetProperty("raisedOn").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", details.RootElement.GetProperty("nextCallDay").GetString());
    }

    [Fact]
    public async Task CheckBeforeChasing_TasksCarryEachProblemAsFacts()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        var noPhone = WorkflowHarness.Invoice("A-1", "D-1");
        await host.StartInvoiceAsync(noPhone with { Debtor = noPhone.Debtor with { Phone = null } }, new CollectionsPolicy());
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-2", "D-2") with { Amount = 0m }, new CollectionsPolicy());
        await host.Driver.AdvanceToAsync(Start.AddHours(1));

        var tasks = await host.Store.ListOpenStaffTasksAsync(CancellationToken.None);
        // No phone for the SMS the debtor prefers: chasing goes on by email, staff check the data.
        AssertJson(
            """{"text":"contact-data","problems":[{"code":"no-contact","facts":{"field":"phone"}}]}""",
            Assert.Single(tasks, task => task.InvoiceNumber == "A-1" && task.Kind == StaffTaskKinds.ContactData).DetailsJson);
        AssertJson(
            """{"text":"check-before-chasing","problems":[{"code":"amount-not-positive","facts":{"amount":"0"}}]}""",
            Assert.Single(tasks, task => task.InvoiceNumber == "A-2" && task.Kind == StaffTaskKinds.CheckBeforeChasing).DetailsJson);
    }

    [Fact]
    public async Task DeliveryFailedAndDispute_TasksCarryChannelAddressAndReason()
    {
        await using var host = await WorkflowHarness.StartAsync(Start);
        await host.StartInvoiceAsync(WorkflowHarness.Invoice("A-1", "D-1"), new CollectionsPolicy());
        // The friendly reminder goes out by SMS on 11 March; the provider reports it undelivered.
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.FromHours(1)));
        await host.Workflows.RaiseAsync("A-1", new DeliveryFailed(Channel.Sms, "Undeliverable"));
        await host.Workflows.RaiseAsync("A-1", new DisputeOpened("wrong amount"));
        await host.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 11, 13, 0, 0, TimeSpan.FromHours(1)));

        var tasks = await host.Store.ListOpenStaffTasksAsync(CancellationToken.None);
        AssertJson(
            """{"text":"delivery-failed","channel":"sms","address":"+31612345678","reason":"Undeliverable"}""",
            Assert.Single(tasks, task => task.Kind == StaffTaskKinds.DeliveryFailed).DetailsJson);
        AssertJson("""{"text":"dispute","reason":"wrong amount"}""", Assert.Single(tasks, task => task.Kind == StaffTaskKinds.Dispute).DetailsJson);
    }

    private static void AssertJson(string expected, string? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual!)), $"Expected {expected}, got {actual}");
}
