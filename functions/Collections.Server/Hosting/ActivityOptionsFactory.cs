using Collections.Activities;

namespace Collections.Server.Hosting;

/// <summary>
/// The workflow activities' settings (who we are in messages, where links lead) from section
/// <c>Collections:Activities</c>, over the example profile for a first local run. Approval links point
/// at this server unless configured; the approval-link secret is generated into the data folder when
/// none is configured.
/// </summary>
internal static class ActivityOptionsFactory
{
    public const string Section = "Collections:Activities";

    public static InvoiceActivityOptions Create(IConfiguration configuration, CollectionsOptions options)
    {
        var section = configuration.GetSection(Section);
        var publicBase = new Uri((options.PublicBaseUrl ?? ServerApp.DefaultUrl).TrimEnd('/') + "/");
        var activities = InvoiceActivityOptions.Example with
        {
            ApprovalLinkBase = new Uri(publicBase, "approvals/"),
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
