using Collections.Invoices;

namespace Collections.Messaging;

/// <summary>How many messages one channel may send per minute and per hour (fixed clock windows).</summary>
public sealed record ChannelBudget
{
    public int PerMinute { get; init; }

    /// <summary>No hourly limit when absent.</summary>
    public int? PerHour { get; init; }
}

/// <summary>The sending budget per channel (configuration <c>Collections:Activities:SendingBudgets</c>).
/// Defaults are ACS's published default limits (learn.microsoft.com/azure/communication-services/concepts/service-limits,
/// also design/ACS.md): email from a custom domain 30 a minute and 100 an hour per subscription until support raises
/// it; SMS 200 a minute per toll-free number (the lowest sender kind; short codes allow 6,000, alphanumeric 600).
/// ACS publishes no WhatsApp figure; Meta's Cloud API default throughput is 80 messages a second.</summary>
public sealed record SendingBudgets
{
    public ChannelBudget Sms { get; init; } = new() { PerMinute = 200 };

    public ChannelBudget Email { get; init; } = new() { PerMinute = 30, PerHour = 100 };

    public ChannelBudget WhatsApp { get; init; } = new() { PerMinute = 4800 };

    public ChannelBudget For(Channel channel) => channel switch
    {
        Channel.Sms => Sms,
        Channel.WhatsApp => WhatsApp,
        _ => Email,
    };

    /// <summary>Problems, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var (name, budget) in new[] { (nameof(Sms), Sms), (nameof(Email), Email), (nameof(WhatsApp), WhatsApp) })
        {
            if (budget.PerMinute < 1)
            {
                problems.Add($"SendingBudgets.{name}.PerMinute must be at least 1.");
            }

            if (budget.PerHour < 1)
            {
                problems.Add($"SendingBudgets.{name}.PerHour must be at least 1 when set.");
            }
        }

        return problems;
    }
}
