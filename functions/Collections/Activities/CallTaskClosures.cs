using System.Text.Json;

namespace Collections.Activities;

/// <summary>Why the workflow took a call task off the list without an outcome (stored in the task's outcome
/// as <c>{"cancelled": reason}</c>), so an outcome posted afterwards can be answered truthfully.</summary>
public static class CallTaskClosures
{
    public const string Expired = "not worked; escalated to the supervisor";
    public const string Paused = "chasing paused";
    public const string DisputeOpened = "dispute opened";
    public const string PlanAgreed = "payment plan agreed";
    public const string InvoiceClosed = "invoice closed";

    public static IReadOnlyList<string> All { get; } = [Expired, Paused, DisputeOpened, PlanAgreed, InvoiceClosed];

    /// <summary>The reason a cancelled task was closed for, or null when it carries none.</summary>
    public static string? ReasonOf(Storage.CallTaskRecord task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Status != CallTaskStatus.Cancelled || task.Outcome is null)
        {
            return null;
        }

        using var outcome = JsonDocument.Parse(task.Outcome);
        return outcome.RootElement.ValueKind == JsonValueKind.Object && outcome.RootElement.TryGetProperty("cancelled", out var reason) && reason.ValueKind == JsonValueKind.String
            ? reason.GetString()
            : null;
    }
}
