namespace Collections.AzureFunctions.Workflows;

/// <summary>
/// Durable Task's runtime status names (<c>Microsoft.DurableTask.Client.OrchestrationRuntimeStatus</c>) in the
/// product's status model, which uses the embedded runtime's six names: Pending, Running, Suspended, Completed,
/// Failed, Terminated. Durable Task also has two obsolete members: ContinuedAsNew (the instance restarted and is
/// running) and Canceled (never produced; treated as Terminated).
/// </summary>
public static class DurableRuntimeStatus
{
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Suspended = "Suspended";
    public const string Completed = "Completed";
    public const string Failed = "Failed";
    public const string Terminated = "Terminated";

    public static string ToProduct(string durableStatus) => durableStatus switch
    {
        "Pending" => Pending,
        "Running" or "ContinuedAsNew" => Running,
        "Suspended" => Suspended,
        "Completed" => Completed,
        "Failed" => Failed,
        "Terminated" or "Canceled" => Terminated,
        _ => throw new ArgumentException($"Unknown Durable Task runtime status '{durableStatus}'.", nameof(durableStatus)),
    };

    /// <summary>An active instance rejects a start with the same id and takes external events.</summary>
    public static bool IsActive(string productStatus) => productStatus is Pending or Running or Suspended;
}
