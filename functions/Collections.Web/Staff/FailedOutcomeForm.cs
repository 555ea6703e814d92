namespace Collections.Web.Staff;

/// <summary>A call-outcome form that failed validation, shown again on its card filled in with its errors.</summary>
public sealed record FailedOutcomeForm(string TaskId, CallOutcomeForm Form, IReadOnlyDictionary<string, string[]> Errors);
