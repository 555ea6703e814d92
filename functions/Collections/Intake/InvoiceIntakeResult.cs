using System.Diagnostics.CodeAnalysis;
using Collections.Invoices;

namespace Collections.Intake;

/// <summary>Either a valid, normalised <see cref="Invoice"/> with its canonical hash, or the errors per field.</summary>
public sealed record InvoiceIntakeResult
{
    private InvoiceIntakeResult(Invoice? invoice, string? hash, IReadOnlyDictionary<string, string[]> errors)
    {
        Invoice = invoice;
        Hash = hash;
        Errors = errors;
    }

    public Invoice? Invoice { get; }

    /// <summary>SHA-256 (lowercase hex) of the canonical JSON of <see cref="Invoice"/>; see <see cref="InvoiceHash"/>.</summary>
    public string? Hash { get; }

    /// <summary>Field path → messages; empty when valid.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    [MemberNotNullWhen(true, nameof(Invoice), nameof(Hash))]
    public bool IsValid => Invoice is not null;

    internal static InvoiceIntakeResult Valid(Invoice invoice) =>
        new(invoice, InvoiceHash.Compute(invoice), new Dictionary<string, string[]>());

    internal static InvoiceIntakeResult Invalid(ValidationErrors errors) => new(null, null, errors.ToDictionary());
}
