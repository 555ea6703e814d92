using Collections.Tests.Simulation;

namespace Collections.Tests.Workflow;

/// <summary>The ladder of one invoice under the default Dutch policy: whole timelines, virtual time.
/// Invoice F2026-0042 (€1,250, consumer) is due Tuesday 2026-03-03.</summary>
public sealed class InvoiceWorkflowLadderTests
{
    [Fact]
    public async Task GoodPayer_PaysBeforeDueDate_NothingIsSent()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single("""
            [ { "at": "2026-03-02T15:00:00+01:00", "type": "payment", "amount": 1250.00, "paymentId": "tr_1" } ]
            """));

        Assert.Equal(
        [
            "2026-03-02T15:00+01:00 note payment: Payment tr_1 of €1,250.00 received; balance €0.00.",
            "2026-03-02T15:00+01:00 completed paid",
        ], timeline);
    }

    [Fact]
    public async Task LatePayer_BeforeDueDate_GetsOneFriendlyNudgeThreeDaysBefore()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(latePayer: true, start: "2026-02-25T09:00:00+01:00", events: """
            [ { "at": "2026-03-03T12:00:00+01:00", "type": "payment", "amount": 1250.00, "paymentId": "tr_1" } ]
            """));

        Assert.Equal(
        [
            "2026-02-28T10:00+01:00 message sms friendly pre-due-nudge balance=1250.00 costs=0 interest=0",
            "2026-03-03T12:00+01:00 note payment: Payment tr_1 of €1,250.00 received; balance €0.00.",
            "2026-03-03T12:00+01:00 completed paid",
        ], timeline);
    }

    /// <summary>A known late payer: nudged before the due date. Every step waits until the previous message's own
    /// deadline and a grace day have passed (R12's sooner call cannot come before that): the reminder of 4 March says
    /// "uiterlijk 11 maart", so the first call is on 13 March; the written reminder of 17 March (deadline 24 March) holds
    /// the businesslike reminder to 26 March; its deadline of 2 April plus a grace day is Saturday 4 April and Easter
    /// Monday follows, so the follow-up call is on 7 April; the written reminder of 8 April (deadline 15 April) holds
    /// the final notice to 17 April. Staff record three unanswered calls (stated later only as attempts); the follow-up
    /// call task nobody works is escalated to the supervisor, never counted as a call.</summary>
    [Fact]
    public async Task LatePayingConsumer_NeverPays_FullLadderToApprovedHandOverWithStatutoryCosts()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(latePayer: true, events: $$"""
            [ {{Timelines.ThreeUnansweredCalls}},
              { "at": "2026-06-01T10:00:00+02:00", "type": "approval", "decision": "approve" } ]
            """));

        Assert.Equal(
        [
            "2026-03-02T09:00+01:00 message sms friendly pre-due-nudge balance=1250.00 costs=0 interest=0",
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T11:00+01:00 note call-outcome: Call outcome: no-answer",
            "2026-03-16T14:30+01:00 callTask first-contact attempt=2 dueBy=2026-03-16T17:00+01:00",
            "2026-03-16T15:00+01:00 note call-outcome: Call outcome: no-answer",
            "2026-03-17T11:30+01:00 callTask first-contact attempt=3 dueBy=2026-03-17T17:00+01:00",
            "2026-03-17T12:00+01:00 note call-outcome: Call outcome: no-answer",
            "2026-03-17T12:00+01:00 message email friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-26T10:00+01:00 message sms businesslike reminder balance=1250.00 costs=0 interest=0",
            "2026-04-07T10:00+02:00 callTask follow-up attempt=1 dueBy=2026-04-07T17:00+02:00",
            "2026-04-07T17:00+02:00 staffTask The follow-up call task raised 2026-04-07 has no outcome yet: it stays on the call list as overdue, to be called on 2026-04-08. No call is recorded until staff record one.",
            "2026-04-08T17:00+02:00 staffTask Escalation to the supervisor (finance-manager@example.nl): the follow-up call task raised 2026-04-07 was not worked; it is taken off the call list and the next message goes out in writing; no call is recorded.",
            "2026-04-08T17:00+02:00 message email businesslike reminder balance=1250.00 costs=0 interest=0",
            "2026-04-17T10:00+02:00 message email formal final-notice balance=1250.00 costs=0 interest=0",
            "2026-05-05T00:00+02:00 note note: Final notice term ended 2026-05-04: collection costs of €187.50 are now due.",
            "2026-05-06T08:00+02:00 approvalRequested hand-over",
            "2026-05-08T10:00+02:00 note approval-reminder: Approver reminded: credit-control@example.nl",
            "2026-05-13T10:00+02:00 note approval-escalated: Approval escalated to finance-manager@example.nl",
            "2026-06-01T10:00+02:00 note approval: Hand-over approved by simulation.",
            "2026-06-01T10:00+02:00 handedOver balance=1250.00 costs=187.50 interest=0",
            "2026-06-01T10:00+02:00 message email formal hand-over-notice balance=1250.00 costs=187.50 interest=0",
            "2026-06-01T10:00+02:00 completed handed-over",
        ], timeline);
    }

    [Fact]
    public async Task ConsumerFinalNotice_StatesExactCostsAndFourteenDaysFromTheDayAfterReceipt()
    {
        var lines = await Timelines.RunLinesAsync(Timelines.Single(until: "2026-05-01T00:00:00+02:00", events: $"[{Timelines.ThreeUnansweredCalls}]"));

        var notice = Assert.Single(lines, line => line["kind"]?.GetValue<string>() == "final-notice");
        Assert.Equal(187.50m, notice["announcedCosts"]!.GetValue<decimal>());
        Assert.Equal(0m, notice["costs"]!.GetValue<decimal>());
        Assert.Equal("2026-05-04", notice["deadline"]!.GetValue<string>());
        Assert.Contains("187,50", notice["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Business_Rejected_FinalNoticeChargesCompensationAndInterest_ClosedByStaff()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(kind: "business", channel: "email", amount: 3000m, events: $$"""
            [ {{Timelines.ThreeUnansweredCalls}},
              { "at": "2026-05-20T09:00:00+02:00", "type": "approval", "decision": "reject" } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message email friendly reminder balance=3000.00 costs=0 interest=0",
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T11:00+01:00 note call-outcome: Call outcome: no-answer",
            "2026-03-16T14:30+01:00 callTask first-contact attempt=2 dueBy=2026-03-16T17:00+01:00",
            "2026-03-16T15:00+01:00 note call-outcome: Call outcome: no-answer",
            "2026-03-17T11:30+01:00 callTask first-contact attempt=3 dueBy=2026-03-17T17:00+01:00",
            "2026-03-17T12:00+01:00 note call-outcome: Call outcome: no-answer",
            "2026-03-17T12:00+01:00 message sms friendly reminder balance=3000.00 costs=0 interest=0",
            "2026-03-26T10:00+01:00 message email businesslike reminder balance=3000.00 costs=0 interest=0",
            "2026-04-07T10:00+02:00 callTask follow-up attempt=1 dueBy=2026-04-07T17:00+02:00",
            "2026-04-07T17:00+02:00 staffTask The follow-up call task raised 2026-04-07 has no outcome yet: it stays on the call list as overdue, to be called on 2026-04-08. No call is recorded until staff record one.",
            "2026-04-08T17:00+02:00 staffTask Escalation to the supervisor (finance-manager@example.nl): the follow-up call task raised 2026-04-07 was not worked; it is taken off the call list and the next message goes out in writing; no call is recorded.",
            "2026-04-08T17:00+02:00 message sms businesslike reminder balance=3000.00 costs=0 interest=0",
            "2026-04-17T10:00+02:00 message email formal final-notice balance=3000.00 costs=40 interest=37.54",
            "2026-05-06T08:00+02:00 approvalRequested hand-over",
            "2026-05-08T10:00+02:00 note approval-reminder: Approver reminded: credit-control@example.nl",
            "2026-05-13T10:00+02:00 note approval-escalated: Approval escalated to finance-manager@example.nl",
            "2026-05-20T09:00+02:00 note approval: Hand-over rejected by simulation.",
            "2026-05-20T09:00+02:00 completed closed-by-staff",
        ], timeline);
    }

    /// <summary>Due on King's Day: the reminder comes the day after the next business day (29 April) and states
    /// 6 May; the call waits for that deadline and a grace day (8 May).</summary>
    [Fact]
    public async Task DueDateOnKingsDay_MovesToNextBusinessDay_ReminderTheDayAfter()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(
            start: "2026-04-20T09:00:00+02:00", dueDate: "2026-04-27", issueDate: "2026-03-28", events: """
            [ { "at": "2026-05-11T12:00:00+02:00", "type": "payment", "amount": 1250.00, "paymentId": "tr_4" } ]
            """));

        Assert.Equal(
        [
            "2026-04-29T10:00+02:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-05-08T10:00+02:00 callTask first-contact attempt=1 dueBy=2026-05-08T17:00+02:00",
            "2026-05-08T17:00+02:00 staffTask The first-contact call task raised 2026-05-08 has no outcome yet: it stays on the call list as overdue, to be called on 2026-05-11. No call is recorded until staff record one.",
            "2026-05-11T12:00+02:00 note payment: Payment tr_4 of €1,250.00 received; balance €0.00.",
            "2026-05-11T12:00+02:00 completed paid",
        ], timeline);
    }

    [Fact]
    public async Task UnusableContactData_StaffTaskInsteadOfMessages()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(phone: "06-12", email: "jan@@example", until: "2026-04-30T00:00:00+02:00"));

        var only = Assert.Single(timeline);
        Assert.StartsWith("2026-03-02T09:00+01:00 staffTask Check before chasing: phone number '06-12' is unusable", only, StringComparison.Ordinal);
        Assert.Contains("email address 'jan@@example' is unusable", only, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnusableContactData_FixedByStaff_ChasingStarts()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(phone: "06-12", email: "", until: "2026-03-06T00:00:00+01:00", events: """
            [ { "at": "2026-03-03T11:00:00+01:00", "type": "contactUpdated", "phone": "+31612345678" } ]
            """));

        Assert.Equal("2026-03-03T11:00+01:00 note note: Contact details updated.", timeline[1]);
        Assert.Equal("2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0", timeline[2]);
    }

    [Fact]
    public async Task LandlineWithSmsPreferred_RemindsByEmailAndTellsStaff()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(phone: "+31201234567", until: "2026-03-06T00:00:00+01:00"));

        Assert.Equal(
        [
            "2026-03-02T09:00+01:00 staffTask Contact data to check (chasing continues over the other channel): phone number +31201234567 is a landline and cannot receive SMS, so messages go by email",
            "2026-03-04T10:00+01:00 message email friendly reminder balance=1250.00 costs=0 interest=0",
        ], timeline);
    }

    [Fact]
    public async Task LandlineWithSmsPreferredAndNoEmail_WaitsUntilStaffGiveAMobileNumber()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(phone: "+31201234567", email: "", until: "2026-03-06T00:00:00+01:00", events: """
            [ { "at": "2026-03-03T11:00:00+01:00", "type": "contactUpdated", "phone": "+31612345678" } ]
            """));

        Assert.StartsWith("2026-03-02T09:00+01:00 staffTask Check before chasing: ", timeline[0], StringComparison.Ordinal);
        Assert.Contains("+31201234567 is a landline", timeline[0], StringComparison.Ordinal);
        Assert.Equal("2026-03-03T11:00+01:00 note note: Contact details updated.", timeline[1]);
        Assert.Equal("2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0", timeline[2]);
    }

    [Fact]
    public async Task PaymentRecordedBeforeTheInvoice_AppliedAtStart_Paid()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single("""
            [ { "at": "2026-03-01T20:00:00+01:00", "type": "payment", "amount": 1250.00, "paymentId": "tr_early" } ]
            """));

        Assert.Equal(
        [
            "2026-03-02T09:00+01:00 note payment: Payment tr_early of €1,250.00 received; balance €0.00.",
            "2026-03-02T09:00+01:00 completed paid",
        ], timeline);
    }
}
