using System.Text.Json;
using Collections.Durable;
using Collections.Handlers;
using Collections.Policy;
using Collections.Server.Workflows;
using Collections.Storage;
using Collections.Web.Api;
using Collections.Workflow;

namespace Collections.Server.Api;

/// <summary>The operator's view: invoice workflows that failed or wait for the outside world, and a retry for each.</summary>
internal static class OperationsEndpoints
{
    private const int PageSize = 1000;

    public static RouteGroupBuilder MapOperationsEndpoints(this RouteGroupBuilder api)
    {
        var operations = api.MapGroup("/operations/workflows").WithTags("Operations");
        operations.MapGet("/", ListAsync)
            .WithSummary("Invoice workflows that failed or are stuck waiting for a provider or the store.");
        operations.MapPost("/{number}/retry", RetryAsync)
            .WithSummary("A failed workflow starts again from its checks; a waiting one tries again now.");
        return api;
    }

    internal static async Task<IResult> ListAsync(DurableRuntime runtime, CancellationToken cancellationToken)
    {
        var found = new List<TroubledWorkflow>();
        string? token = null;
        do
        {
            var page = await runtime.Client.QueryAsync(
                new InstanceQuery([OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Running], PageSize, token), cancellationToken);
            found.AddRange(page.Instances.Select(Troubled).OfType<TroubledWorkflow>());
            token = page.ContinuationToken;
        }
        while (token is not null);

        return TypedResults.Ok(found);
    }

    internal static async Task<IResult> RetryAsync(
        string number, DurableRuntime runtime, InvoiceWorkflowClient workflows, ICollectionsStore store, CollectionsPolicy policy, CancellationToken cancellationToken)
    {
        var status = await runtime.Client.GetStatusAsync(InvoiceWorkflow.InstanceIdFor(number), cancellationToken);
        var troubled = status is null ? null : Troubled(status);
        if (troubled is null)
        {
            return HandlerResults.Problem(StatusCodes.Status404NotFound, $"The workflow of invoice {number} has not failed and is not waiting.", null);
        }

        if (status!.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
        {
            // A fresh start re-reads the recorded payments (its first check), so nothing paid meanwhile is missed.
            var invoice = await store.GetInvoiceAsync(number, cancellationToken);
            if (invoice is null)
            {
                return HandlerResults.Problem(StatusCodes.Status404NotFound, $"Invoice {number} is not stored.", null);
            }

            await workflows.StartAsync(invoice.Invoice, policy, cancellationToken);
        }
        else
        {
            await runtime.Client.RaiseEventAsync(status.InstanceId, InvoiceWorkflow.RetryNowEventName, true, cancellationToken: cancellationToken);
        }

        return TypedResults.Accepted($"/api/invoices/{number}", troubled);
    }

    private static TroubledWorkflow? Troubled(InstanceStatus status)
    {
        if (!InvoiceEventMapping.IsInvoiceWorkflow(status.InstanceId))
        {
            return null;
        }

        var number = status.InstanceId[InvoiceWorkflow.InstanceIdFor(string.Empty).Length..];
        if (status.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
        {
            return new TroubledWorkflow(number, "failed", status.Failure?.ErrorMessage, status.LastUpdatedAt);
        }

        var next = status.ReadCustomStatus<JsonElement?>() is { ValueKind: JsonValueKind.Object } custom
            && custom.TryGetProperty("next", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        return next?.StartsWith("waiting for ", StringComparison.Ordinal) == true
            ? new TroubledWorkflow(number, "waiting", next, status.LastUpdatedAt)
            : null;
    }
}

/// <param name="State">failed, or waiting (for a provider or the store).</param>
/// <param name="Reason">The failure, or what it waits for.</param>
internal sealed record TroubledWorkflow(string InvoiceNumber, string State, string? Reason, DateTimeOffset Since);
