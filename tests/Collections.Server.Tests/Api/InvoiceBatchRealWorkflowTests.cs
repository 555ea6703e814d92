using System.Net;
using System.Text.Json.Nodes;
using Collections.Server.Tests.Support;
using Collections.Workflow;

namespace Collections.Server.Tests.Api;

/// <summary>The batch endpoint on the real workflow and embedded runtime (virtual time): a retried batch starts no
/// workflow twice, so no debtor hears twice.</summary>
public sealed class InvoiceBatchRealWorkflowTests
{
    [Fact]
    public async Task PostBatchTwice_RealRuntime_EachInvoiceGetsTheMessagesOfAnInvoicePostedOnce()
    {
        await using var server = await RunningServer.StartAsync(realWorkflows: true);
        var batch = new JsonArray([.. Enumerable.Range(0, 3).Select(index => (JsonNode)WithDebtor(InvoiceJson.Valid($"RB-{index}"), $"debtor-rb-{index}"))]);
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(WithDebtor(InvoiceJson.Valid("RB-single"), "debtor-rb-single")));

        var first = await server.Client.PostAsync("/api/invoices/batch", InvoiceJson.Content(batch.ToJsonString()));
        var again = await server.Client.PostAsync("/api/invoices/batch", InvoiceJson.Content(batch.ToJsonString()));
        await server.Driver.RunUntilIdleAsync();
        await server.Driver.AdvanceByAsync(TimeSpan.FromDays(10));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var single = (await server.Store.ListOutboxOfWorkflowAsync(InvoiceWorkflow.InstanceIdFor("RB-single"), default)).Count;
        Assert.True(single > 0, "the invoice posted once got no message within ten days");
        foreach (var index in Enumerable.Range(0, 3))
        {
            Assert.Equal(single, (await server.Store.ListOutboxOfWorkflowAsync(InvoiceWorkflow.InstanceIdFor($"RB-{index}"), default)).Count);
        }
    }

    private static JsonObject WithDebtor(JsonObject invoice, string debtorId)
    {
        invoice["debtor"]!["id"] = debtorId;
        return invoice;
    }
}
