using Collections.Policy;

namespace Collections.Tests.Policy;

public sealed class PolicyDocumentTests
{
    [Fact]
    public void Parse_EmptyObject_DutchDefaults()
    {
        var policy = PolicyDocument.Parse("{}");

        Assert.Equal(new CollectionsPolicy().Version, policy.Version);
        Assert.Equal(new TimeOnly(8, 0), policy.MessageWindow.From);
        Assert.Equal(new TimeOnly(17, 0), policy.CallWindow.To);
        Assert.Empty(PolicyDocument.Problems(policy));
    }

    [Fact]
    public void Serialize_Defaults_RoundTripsWithKebabCaseEnums()
    {
        var json = PolicyDocument.Serialize(new CollectionsPolicy());

        Assert.Contains("\"hardship\":\"debt-counselling\"", json, StringComparison.Ordinal);
        Assert.Contains("\"monday\"", json, StringComparison.Ordinal);
        Assert.Equal(json, PolicyDocument.Serialize(PolicyDocument.Parse(json)));
    }

    [Theory]
    [InlineData("""{ "messageWindow": { "days": ["monday", "sunday"], "from": "08:00", "to": "20:00" } }""", "messageWindow: ")]
    [InlineData("""{ "callWindow": { "days": ["monday"], "from": "06:00", "to": "17:00" } }""", "callWindow: ")]
    [InlineData("""{ "ladder": { "friendlyReminderBusinessDaysAfterDue": 5 } }""", "ladder.friendlyReminderBusinessDaysAfterDue")]
    [InlineData("""{ "calls": { "maxAttempts": 0 } }""", "calls.maxAttempts")]
    [InlineData("""{ "approval": { "reminderBusinessDays": 3, "escalationBusinessDays": 2 } }""", "approval.escalationBusinessDays")]
    [InlineData("""{ "hardship": "agency" }""", "policy: not valid at $.hardship")]
    [InlineData("""{ "finalNotice": { "deadlineMarginDays": 0 } }""", "finalNotice.deadlineMarginDays must be at least 1")]
    [InlineData("""{ "calls": { "overdueCallDaysBeforeEscalation": -1 } }""", "calls.overdueCallDaysBeforeEscalation")]
    public void Parse_OutOfRange_NamesTheField(string json, string field)
    {
        var error = Assert.Throws<PolicyException>(() => PolicyDocument.Parse(json));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 12.0, true)]
    [InlineData(2, 0.0, true)]
    [InlineData(1, 8.0, true)]
    [InlineData(1, 7.0, false)]
    [InlineData(0, 0.0, false)]
    public void IsLatePayer_History_DecidesThePreDueNudge(int paidLate, double averageDaysLate, bool expected)
    {
        var history = new Invoices.PaymentHistory(paidLate, 5, averageDaysLate);

        Assert.Equal(expected, Collections.Workflow.InvoiceWorkflow.IsLatePayer(history, new PreDueNudgePolicy()));
    }
}
