using System.Text.Json;
using Collections.Handlers;

namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// Builds the product's <see cref="WorkflowView"/> from what Durable Task's client reports about an instance
/// (<c>OrchestrationMetadata</c>): its runtime status name, its serialized custom status and its serialized output.
/// The invoice workflow's custom status is a JSON object with a <c>stage</c> (and, when known, what it does <c>next</c>);
/// its output is the result (e.g. <c>"paid"</c>). The timer and awaited events the embedded runtime reports are not
/// in Durable Task's instance metadata, so they stay empty here.
/// </summary>
public static class DurableWorkflowView
{
    public static WorkflowView From(string durableStatus, string? serializedCustomStatus, string? serializedOutput)
    {
        var status = DurableRuntimeStatus.ToProduct(durableStatus);
        var outcome = status == DurableRuntimeStatus.Completed ? ScalarText(serializedOutput) : null;
        return new WorkflowView(
            status, Property(serializedCustomStatus, "stage"), Property(serializedCustomStatus, "next"), NextStepAt: null, WaitingFor: [], outcome);
    }

    private static string? Property(string? serializedCustomStatus, string name)
    {
        if (string.IsNullOrWhiteSpace(serializedCustomStatus))
        {
            return null;
        }

        using var document = Parse(serializedCustomStatus);
        return document?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(name, out var value)
            ? Text(value)
            : null;
    }

    private static string? ScalarText(string? serialized)
    {
        if (string.IsNullOrWhiteSpace(serialized))
        {
            return null;
        }

        using var document = Parse(serialized);
        return document is null ? null : Text(document.RootElement);
    }

    private static string? Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => null,
    };

    private static JsonDocument? Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            // A status written by another version of the workflow is shown as unknown, not as a failure.
            return null;
        }
    }
}
