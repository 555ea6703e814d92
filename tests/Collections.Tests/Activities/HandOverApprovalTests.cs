using System.Text.RegularExpressions;
using Collections.Activities;
using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Tests.Simulation;

namespace Collections.Tests.Activities;

/// <summary>R11: hand-over needs a staff member's approval by email; only the token's hash is stored.</summary>
public sealed partial class HandOverApprovalTests
{
    [Fact]
    public async Task FinalNoticeExpired_ApproverGetsAnEmailWithSingleUseLinks_OnlyTheHashIsStored()
    {
        await using var runner = new SimulationRunner(Scenario.Parse(Timelines.Single(until: "2026-05-08T00:00:00+02:00", events: $"[{Timelines.ThreeUnansweredCalls}]")), new CollectionsPolicy());
        await runner.RunAsync();

        var email = Assert.Single(runner.Sender.Sent, message => message.To == "credit-control@example.nl");
        var token = ApproveLink().Match(email.Text).Groups[1].Value;
        Assert.Matches(@"^[0-9a-f]{64}$", token);
        Assert.Contains($"https://collections.example.nl/approvals/{token}/reject", email.Text, StringComparison.Ordinal);
        var approval = await runner.Store.FindApprovalByTokenHashAsync(InvoiceActivities.Hash(token), CancellationToken.None);
        Assert.NotNull(approval);
        Assert.Equal(("F2026-0042", "hand-over", null), (approval.InvoiceNumber, approval.Action, approval.Decision));
        Assert.NotEqual(token, approval.TokenHash);
    }

    [GeneratedRegex(@"https://collections\.example\.nl/approvals/([0-9a-f]+)/approve")]
    private static partial Regex ApproveLink();
}
