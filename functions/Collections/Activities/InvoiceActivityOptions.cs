using Collections.Messages;
using Collections.Messaging;

namespace Collections.Activities;

/// <summary>Who we are in messages and where the links in them lead. Hosts bind this from configuration
/// (section <c>Collections:Activities</c>) and validate it at start-up with <see cref="Validate"/>.</summary>
public sealed record InvoiceActivityOptions
{
    public required CreditorProfile Creditor { get; init; }

    /// <summary>Base of the payment link (R8); the invoice number is appended.</summary>
    public required Uri PaymentLinkBase { get; init; }

    /// <summary>Base of the debtor's own page (R8): links are <c>{base}{invoice}?e=…&amp;s=…</c>, signed with
    /// <see cref="DebtorLinkSecret"/> (see <see cref="Links.DebtorLinkSigner"/>).</summary>
    public required Uri DebtorPageBase { get; init; }

    /// <summary>Signs debtor-page links; the server verifies them with the same secret.</summary>
    public required string DebtorLinkSecret { get; init; }

    /// <summary>How long a debtor-page link in a message stays valid, counted from the message date.</summary>
    public int DebtorLinkLifetimeDays { get; init; } = 90;

    /// <summary>Base of the approval links in the approver's email: <c>{base}{token}/approve</c> and <c>/reject</c>.</summary>
    public required Uri ApprovalLinkBase { get; init; }

    /// <summary>Secret the approval token is derived from (HMAC of the approval id), so a retried
    /// activity produces the same links; only the token's hash is stored.</summary>
    public required string ApprovalTokenSecret { get; init; }

    /// <summary>Language of internal emails to staff.</summary>
    public string StaffLanguage { get; init; } = MessageLanguage.Dutch;

    /// <summary>Where debtors in hardship are referred (R11); general wording when absent.</summary>
    public DebtHelp? DebtHelp { get; init; }

    /// <summary>The collection agency an approved claim is handed over to (R11), as the debtor's notice names it.</summary>
    public string? CollectionAgency { get; init; }

    /// <summary>Messages per minute and per hour for each channel, across all workflows of the host.</summary>
    public SendingBudgets SendingBudgets { get; init; } = new();

    /// <summary>Where the hand-over dossier (PDF + JSON) is emailed. Without it an approved hand-over becomes a staff task.</summary>
    public string? CollectionAgencyEmail { get; init; }

    /// <summary>The agency's phone number for debtors, stated in the hand-over notice when set.</summary>
    public string? CollectionAgencyPhone { get; init; }

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
        DebtorLinkSecret = "example-debtor-link-secret",
        DebtHelp = new DebtHelp("Schuldhulpverlening van uw gemeente", new Uri("https://www.geldfit.nl"), "0800-8115"),
        CollectionAgency = "Voorbeeld Incasso B.V.",
        CollectionAgencyEmail = "dossiers@incasso.example.nl",
        CollectionAgencyPhone = "+31201234567",
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

        if (string.IsNullOrEmpty(DebtorLinkSecret) || DebtorLinkSecret.Length < 16)
        {
            problems.Add("DebtorLinkSecret must be at least 16 characters.");
        }

        if (DebtorLinkLifetimeDays < 1)
        {
            problems.Add("DebtorLinkLifetimeDays must be at least 1.");
        }

        problems.AddRange(SendingBudgets?.Validate() ?? ["SendingBudgets is required."]);

        if (CollectionAgencyEmail is not null && string.IsNullOrWhiteSpace(CollectionAgency))
        {
            problems.Add("CollectionAgency (the agency's name) is required when CollectionAgencyEmail is set.");
        }

        return problems;
    }
}
