using System.Text.Json;
using Collections.Durable;
using Collections.Invoices;
using Collections.Json;
using Collections.Policy;
using Collections.Workflow;

namespace Collections.Server.Workflows;

/// <summary>Starts invoice workflows and tells them what happened, on the embedded runtime.</summary>
public sealed class InvoiceWorkflowClient(DurableClient client)
{
    /// <summary>Starts the invoice's workflow pinned to <paramref name="policy"/>; starting a running one again changes nothing.</summary>
    public Task<StartOutcome> StartAsync(Invoice invoice, CollectionsPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return client.StartAsync(InvoiceWorkflow.Name, InvoiceWorkflow.InstanceIdFor(invoice.Number), new InvoiceWorkflowInput(invoice, policy), cancellationToken);
    }

    /// <summary>Starts the workflows of <paramref name="invoices"/> pinned to <paramref name="policy"/> in one client write;
    /// an invoice whose workflow exists in any state, finished too, is left alone.</summary>
    public Task<IReadOnlyList<StartOutcome>> StartManyAsync(IReadOnlyList<Invoice> invoices, CollectionsPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        return client.StartManyAsync(
            InvoiceWorkflow.Name,
            [.. invoices.Select(invoice => new InstanceStart(InvoiceWorkflow.InstanceIdFor(invoice.Number), new InvoiceWorkflowInput(invoice, policy)))],
            cancellationToken);
    }

    /// <summary>Raises <paramref name="invoiceEvent"/> on the invoice's workflow (kept for it when it has not started yet).
    /// <paramref name="eventId"/> makes a redelivery harmless (e.g. a payment id).</summary>
    public Task<RaiseEventOutcome> RaiseAsync(string invoiceNumber, InvoiceEvent invoiceEvent, string? eventId = null, CancellationToken cancellationToken = default)
    {
        // Serialized as the base type, so the "type" discriminator travels with the payload.
        var payload = JsonSerializer.SerializeToElement(invoiceEvent, CollectionsJson.Options);
        return client.RaiseEventAsync(InvoiceWorkflow.InstanceIdFor(invoiceNumber), InvoiceWorkflow.EventName, payload, eventId, cancellationToken);
    }
}
