using Collections.Messages;

namespace Collections.Activities;

/// <summary>Who we are in messages and where the links in them lead. Hosts bind this from configuration
/// (section <c>Collections:Activities</c>) and validate it at start-up with <see cref="Validate"/>.</summary>
public sealed record InvoiceActivityOptions
{
    public required CreditorProfile Creditor { get; init; }

    /// <summary>Base of the payment link (R8); the invoice number is appended.</summary>
    public required Uri PaymentLinkBase { get; init; }

    /// <summary>Base of the debtor's own page (R8); the debtor id is appended.</summary>
    public required Uri DebtorPageBase { get; init; }

    /// <summary>Base of the approval links in the approver's email: <c>{base}{token}/approve</c> and <c>/reject</c>.</summary>
    public required Uri ApprovalLinkBase { get; init; }

    /// <summary>Secret the approval token is derived from (HMAC of the approval id), so a retried
    /// activity produces the same links; only the token's hash is stored.</summary>
    public required string ApprovalTokenSecret { get; init; }

    /// <summary>Language of internal emails to staff.</summary>
    public string StaffLanguage { get; init; } = MessageLanguage.Dutch;

    /// <summary>Where debtors in hardship are referred (R11); general wording when absent.</summary>
    public DebtHelp? DebtHelp { get; init; }

    public string? CollectionAgency { get; init; }

    /// <summary>Options for examples, tests and <c>simulate</c>: example.nl addresses and links.</summary>
    public static InvoiceActivityOptions Example { get; } = new()
    {
        Creditor = new CreditorProfile(
            "Voorbeeld Installatietechniek B.V.",
            new PostalAddress("Stationsplein 1", "3511 ED", "Utrecht"),
            "Sanne de Vries",
            "+31302000000",
            "debiteuren@example.nl",
            "https://www.example.nl",
            "NL91ABNA0417164300",
            "12345678"),
        PaymentLinkBase = new Uri("https://pay.example.nl/i/"),
        DebtorPageBase = new Uri("https://collections.example.nl/debtor/"),
        ApprovalLinkBase = new Uri("https://collections.example.nl/approvals/"),
        ApprovalTokenSecret = "example-secret-change-me",
        DebtHelp = new DebtHelp("Schuldhulpverlening van uw gemeente", new Uri("https://www.geldfit.nl"), "0800-8115"),
    };

    /// <summary>Problems with the options, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Creditor?.Name))
        {
            problems.Add("Creditor.Name is required.");
        }

        foreach (var (name, uri) in new[] { (nameof(PaymentLinkBase), PaymentLinkBase), (nameof(DebtorPageBase), DebtorPageBase), (nameof(ApprovalLinkBase), ApprovalLinkBase) })
        {
            if (uri is null || !uri.IsAbsoluteUri || !uri.AbsoluteUri.EndsWith('/'))
            {
                problems.Add($"{name} must be an absolute URL ending in '/'.");
            }
        }

        if (string.IsNullOrEmpty(ApprovalTokenSecret) || ApprovalTokenSecret.Length < 16)
        {
            problems.Add("ApprovalTokenSecret must be at least 16 characters.");
        }

        return problems;
    }
}
