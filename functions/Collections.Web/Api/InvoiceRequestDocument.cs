using Collections.Invoices;

namespace Collections.Web.Api;

/// <summary>The shape of <c>POST /api/invoices</c> for the OpenAPI document. The body itself is read
/// by the intake validator, which reports every problem by field.</summary>
/// <param name="Source">The accounting system that sent it (part of the idempotency check).</param>
internal sealed record InvoiceRequestDocument(
    string Number,
    DateOnly IssueDate,
    DateOnly DueDate,
    decimal Amount,
    string Currency,
    Debtor Debtor,
    string? CustomerReference,
    string? Source);
