using Collections.Activities;
using Collections.Web.DebtorPages;

namespace Collections.Web.Hosting;

/// <summary>
/// The workflow activities' settings (who we are in messages, where links lead) from section
/// <c>Collections:Activities</c>, over the example profile for a first local run. Approval links point
/// and debtor-page links at this server unless configured; their secrets are generated into the data
/// folder when none is configured (the debtor pages verify links with the same secret).
/// </summary>
internal static class ActivityOptionsFactory
{
    public const string Section = "Collections:Activities";

    public static InvoiceActivityOptions Create(IConfiguration configuration, CollectionsOptions options)
    {
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
            DebtorLinkSecret = debtorPages.LinkSecret is { Length: > 0 } linkSecret
                ? linkSecret
                : LocalSecret.LoadOrCreate(options.DataPath, DebtorLinks.SecretFileName).Value,
            DebtorLinkLifetimeDays = debtorPages.LinkLifetimeDays,
            // A fresh instance: binding sets its properties in place, and the example's must stay the defaults.
            SendingBudgets = new(),
            // A claim goes only to an agency the operator named: never to the example's address.
            CollectionAgency = null,
            CollectionAgencyEmail = null,
            CollectionAgencyPhone = null,
            ApprovalTokenSecret = section[nameof(InvoiceActivityOptions.ApprovalTokenSecret)] is { Length: > 0 } secret
                ? secret
                : LocalSecret.LoadOrCreate(options.DataPath, LocalSecret.ApprovalSecretFile).Value,
        };
        section.Bind(activities);

        var problems = activities.Validate();
        return problems.Count == 0
            ? activities
            : throw new Microsoft.Extensions.Options.OptionsValidationException(
                Section, typeof(InvoiceActivityOptions), problems.Select(problem => $"{Section}: {problem}"));
    }
}
