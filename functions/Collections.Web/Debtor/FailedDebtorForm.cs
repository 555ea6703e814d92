using Microsoft.AspNetCore.Http;

namespace Collections.Web.DebtorPages;

/// <summary>A debtor's answer that failed validation, shown again open and filled in.</summary>
public sealed record FailedDebtorForm(string Action, IFormCollection Values, IReadOnlyDictionary<string, string[]> Errors);
