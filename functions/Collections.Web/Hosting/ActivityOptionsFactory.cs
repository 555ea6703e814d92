using Collections.Activities;
using Collections.Web.DebtorPages;

namespace Collections.Web.Hosting;

/// <summary>
/// The workflow activities' settings (who we are in messages, where links lead) from section
/// <c>Collections:Activities</c>, over the example profile for a first local run. Approval links point
/// and debtor-page links at this server unless configured; a secret that is not configured comes from the
/// host's <see cref="SecretSource"/> (the debtor pages verify links with the same secret).
/// </summary>
internal static class ActivityOptionsFactory
{
    public const string Section = "Collections:Activities";

    public const string ApprovalSecretSetting = $"{Section}:{nameof(InvoiceActivityOptions.ApprovalTokenSecret)}";

    public static InvoiceActivityOptions Create(IConfiguration configuration, CollectionsOptions options, SecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var section = configuration.GetSection(Section);
        var publicBase = new Uri((options.PublicBaseUrl ?? CollectionsOptions.DefaultPublicBaseUrl).TrimEnd('/') + "/");
        var debtorPages = configuration.GetSection(DebtorPagesOptions.Section).Get<DebtorPagesOptions>() ?? new DebtorPagesOptions();
        var example = InvoiceActivityOptions.Example;
        var activities = example with
        {
            // Fresh copies: binding sets the nested records' properties in place, which would change the shared example.
            Creditor = example.Creditor with { Address = example.Creditor.Address with { } },
            DebtHelp = example.DebtHelp is { } help ? help with { } : null,
            ApprovalLinkBase = new Uri(publicBase, "approvals/"),
            DebtorPageBase = new Uri(publicBase, "debtor/"),
            DebtorLinkSecret = secrets.Resolve(debtorPages.LinkSecret, DebtorLinks.SecretSetting, DebtorLinks.SecretFileName).Value,
            DebtorLinkLifetimeDays = debtorPages.LinkLifetimeDays,
            // A fresh instance: binding sets its properties in place, and the example's must stay the defaults.
            SendingBudgets = new(),
            // A claim goes only to an agency the operator named: never to the example's address.
            CollectionAgency = null,
            CollectionAgencyEmail = null,
            CollectionAgencyPhone = null,
            ApprovalTokenSecret = secrets.Resolve(
                section[nameof(InvoiceActivityOptions.ApprovalTokenSecret)], ApprovalSecretSetting, LocalSecret.ApprovalSecretFile).Value,
        };
        section.Bind(activities);

        var problems = activities.Validate();
        return problems.Count == 0
            ? activities
            : throw new Microsoft.Extensions.Options.OptionsValidationException(
                Section, typeof(InvoiceActivityOptions), problems.Select(problem => $"{Section}: {problem}"));
    }
}
