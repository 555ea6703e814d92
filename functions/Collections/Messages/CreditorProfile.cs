namespace Collections.Messages;

/// <summary>Our company as every message presents it (R9: our contact details and billing contact).</summary>
/// <param name="BillingContactName">The person debtors can reach about invoices; messages are signed with this name.</param>
/// <param name="Iban">Shown with the payment reference so a debtor can also pay by bank transfer.</param>
/// <param name="ChamberOfCommerceNumber">KvK number, shown in the email footer when given.</param>
public sealed record CreditorProfile(
    string Name,
    PostalAddress Address,
    string BillingContactName,
    string BillingPhone,
    string BillingEmail,
    string? Website = null,
    string? Iban = null,
    string? ChamberOfCommerceNumber = null);
