using Collections.Invoices;

namespace Collections.Messages;

/// <summary>The debtor as a message addresses them (R9: the debtor's contact details).</summary>
/// <param name="ContactPerson">For a business: the person we write to; messages greet them by name.</param>
public sealed record DebtorContact(
    string Name,
    DebtorKind Kind,
    string? Email,
    string? Phone,
    PostalAddress? Address = null,
    string? ContactPerson = null)
{
    /// <summary>The name the greeting uses: the contact person of a business, else the debtor's name.</summary>
    public string SalutationName => string.IsNullOrWhiteSpace(ContactPerson) ? Name : ContactPerson;

    public bool IsBusiness => Kind == DebtorKind.Business;

    /// <summary>A business debtor's <see cref="Debtor.ContactName"/> is the person messages greet; the company
    /// stays in the address block.</summary>
    public static DebtorContact From(Debtor debtor, PostalAddress? address = null, string? contactPerson = null)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        contactPerson ??= debtor.Kind == DebtorKind.Business ? debtor.ContactName : null;
        return new DebtorContact(debtor.Name, debtor.Kind, debtor.Email, debtor.Phone, address, contactPerson);
    }
}
