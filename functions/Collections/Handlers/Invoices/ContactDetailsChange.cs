namespace Collections.Handlers.Invoices;

/// <summary>New contact details for the debtor of an invoice; fields left out stay as they are.</summary>
/// <param name="PreferredChannel">sms or email.</param>
/// <param name="By">Who changed them, for the timeline: the signed-in staff member on the pages, the caller's user through the API.</param>
public sealed record ContactDetailsChange(string? Email = null, string? Phone = null, string? PreferredChannel = null, string? By = null);
