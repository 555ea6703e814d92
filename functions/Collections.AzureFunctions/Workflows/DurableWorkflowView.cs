using System.Text.Json;
using Collections.Handlers;

namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// Builds the product's <see cref="WorkflowView"/> from what Durable Task's client reports about an instance
/// (<c>OrchestrationMetadata</c>): its runtime status name, its serialized custom status and its serialized output.
/// The invoice workflow's custom status is a JSON object with a <c>stage</c>, when known what it does <c>next</c>, and
/// the wait in progress: <c>nextStepAt</c> (its timer) and <c>waitingFor</c> (the events it listens for) — what the
/// embedded runtime reports from its own tables, which Durable Task's instance metadata does not hold. Its output is
/// the result (e.g. <c>"paid"</c>).
/// </summary>
public static class DurableWorkflowView
{
    public static WorkflowView From(string durableStatus, string? serializedCustomStatus, string? serializedOutput)
    {
        var status = DurableRuntimeStatus.ToProduct(durableStatus);
        var outcome = status == DurableRuntimeStatus.Completed ? ScalarText(serializedOutput) : null;
        using var customStatus = string.IsNullOrWhiteSpace(serializedCustomStatus) ? null : Parse(serializedCustomStatus);
        var custom = customStatus?.RootElement is { ValueKind: JsonValueKind.Object } root ? root : (JsonElement?)null;
        return new WorkflowView(
            status,
            Text(Property(custom, "stage")),
            Text(Property(custom, "next")),
            Time(Property(custom, "nextStepAt")),
            Names(Property(custom, "waitingFor")),
            outcome);
    }

    private static JsonElement? Property(JsonElement? custom, string name) =>
        custom is { } root && root.TryGetProperty(name, out var value) ? value : null;

    private static DateTimeOffset? Time(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } value && value.TryGetDateTimeOffset(out var time) ? time : null;

    private static IReadOnlyList<string> Names(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } names
            ? [.. names.EnumerateArray().Where(name => name.ValueKind == JsonValueKind.String).Select(name => name.GetString()!)]
            : [];

    private static string? ScalarText(string? serialized)
    {
        if (string.IsNullOrWhiteSpace(serialized))
        {
            return null;
        }

        using var document = Parse(serialized);
        return document is null ? null : Text(document.RootElement);
    }

    private static string? Text(JsonElement? element) => element is { } value ? Text(value) : null;

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
