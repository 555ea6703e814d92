namespace Collections.Handlers.Calls;

/// <summary>The values of <see cref="Storage.CallTaskRecord.Status"/>.</summary>
public static class CallTaskStatus
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Cancelled = "cancelled";
}
