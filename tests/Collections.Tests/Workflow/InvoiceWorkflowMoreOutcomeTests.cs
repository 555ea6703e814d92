using Collections.Policy;
using Collections.Tests.Simulation;

namespace Collections.Tests.Workflow;

/// <summary>The remaining call outcomes and staff decisions, whole timelines under virtual time.</summary>
public sealed class InvoiceWorkflowMoreOutcomeTests
{
    private const string Reminder = "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0";
    // The first call waits until the reminder's deadline (11 March) and a grace day have passed.
    private const string FirstCall = "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00";

    [Fact]
    public async Task CallbackRequested_NewCallTaskAtThatTime()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-03-17T00:00:00+01:00", events: """
            [ { "at": "2026-03-13T10:20:00+01:00", "type": "callOutcome", "outcome": "callback-requested", "callbackAt": "2026-03-16T15:00:00+01:00" } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T10:20+01:00 note call-outcome: Call outcome: callback-requested (at 2026-03-16 15:00)",
            "2026-03-16T15:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-16T17:00+01:00",
            "2026-03-16T17:00+01:00 staffTask The first-contact call task raised 2026-03-16 has no outcome yet: it stays on the call list as overdue, to be called on 2026-03-17. No call is recorded until staff record one.",
        ], timeline);
    }

    [Fact]
    public async Task WrongNumber_PhoneFlagged_WrittenMessageByEmail()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-03-14T00:00:00+01:00", events: """
            [ { "at": "2026-03-13T10:20:00+01:00", "type": "callOutcome", "outcome": "wrong-number" } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T10:20+01:00 note call-outcome: Call outcome: wrong-number",
            "2026-03-13T10:20+01:00 staffTask Wrong phone number +31612345678: find the right number.",
            "2026-03-13T10:20+01:00 message email friendly reminder balance=1250.00 costs=0 interest=0",
        ], timeline);
    }

    /// <summary>The missed instalment falls on Good Friday 2026-04-03: the reminder goes out on Saturday,
    /// the call after Easter Monday.</summary>
    [Fact]
    public async Task Hardship_PaymentPlanRoute_CallToAgreeAPlan_NeverEscalated()
    {
        var policy = new CollectionsPolicy { Hardship = HardshipRoute.PaymentPlan };

        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-09-30T00:00:00+02:00", events: """
            [ { "at": "2026-03-13T10:30:00+01:00", "type": "callOutcome", "outcome": "hardship" },
              { "at": "2026-03-13T11:30:00+01:00", "type": "callOutcome", "outcome": "payment-plan", "instalments": [ { "dueDate": "2026-04-01", "amount": 100.00 } ] } ]
            """), policy);

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T10:30+01:00 note call-outcome: Call outcome: hardship",
            "2026-03-13T10:30+01:00 callTask hardship attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T11:30+01:00 note call-outcome: Call outcome: payment-plan (1 instalments)",
            "2026-03-13T11:30+01:00 message sms friendly payment-plan-confirmation balance=1250.00 costs=0 interest=0",
            "2026-04-03T00:00+02:00 note note: Instalment of €100.00 due 2026-04-01 missed.",
            "2026-04-04T08:00+02:00 message sms businesslike instalment-reminder balance=1250.00 costs=0 interest=0",
            "2026-04-15T10:00+02:00 callTask instalment-missed attempt=1 dueBy=2026-04-15T17:00+02:00",
            "2026-04-15T17:00+02:00 staffTask The instalment-missed call task raised 2026-04-15 has no outcome yet: it stays on the call list as overdue, to be called on 2026-04-16. No call is recorded until staff record one.",
            "2026-04-16T17:00+02:00 staffTask Escalation to the supervisor (finance-manager@example.nl): the instalment-missed call task raised 2026-04-15 was not worked; it is taken off the call list and the next message goes out in writing; no call is recorded.",
            "2026-04-16T17:00+02:00 message email businesslike reminder balance=1250.00 costs=0 interest=0",
        ], timeline);
    }

    [Fact]
    public async Task CreditNoteForTheRest_AfterPartialPayment_EndsPaid()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single("""
            [ { "at": "2026-03-05T11:00:00+01:00", "type": "payment", "amount": 1000.00, "paymentId": "tr_1" },
              { "at": "2026-03-06T11:00:00+01:00", "type": "invoiceCredited", "amount": 250.00, "reason": "CN-7" } ]
            """));

        Assert.Equal(
        [
            Reminder,
            "2026-03-05T11:00+01:00 note payment: Payment tr_1 of €1,000.00 received; balance €250.00.",
            "2026-03-06T11:00+01:00 note note: Credit note CN-7: €250.00 credited; balance €0.00.",
            "2026-03-06T11:00+01:00 completed paid",
        ], timeline);
    }

    [Fact]
    public async Task CreditNote_DeliveredTwice_IsAppliedOnce()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single("""
            [ { "at": "2026-03-05T11:00:00+01:00", "type": "payment", "amount": 1000.00, "paymentId": "tr_1" },
              { "at": "2026-03-06T11:00:00+01:00", "type": "invoiceCredited", "amount": 100.00, "reason": "CN-7" },
              { "at": "2026-03-06T12:00:00+01:00", "type": "invoiceCredited", "amount": 100.00, "reason": "CN-7" } ]
            """));

        Assert.Contains("2026-03-06T11:00+01:00 note note: Credit note CN-7: €100.00 credited; balance €150.00.", timeline);
        Assert.Contains("2026-03-06T12:00+01:00 note note: Credit note CN-7 was applied before; ignored.", timeline);
        Assert.DoesNotContain(timeline, line => line.Contains("balance €50.00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClosedByStaff_AfterHardship_Ends()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single("""
            [ { "at": "2026-03-13T10:30:00+01:00", "type": "callOutcome", "outcome": "hardship" },
              { "at": "2026-04-01T10:00:00+02:00", "type": "closedByStaff", "reason": "Written off, debt counselling" } ]
            """));

        Assert.Equal("2026-04-01T10:00+02:00 note note: Closed by staff: Written off, debt counselling", timeline[^2]);
        Assert.Equal("2026-04-01T10:00+02:00 completed closed-by-staff", timeline[^1]);
    }

    /// <summary>The final notice comes on Friday 17 April, after the last reminder's deadline (15 April) and a grace
    /// day. By post, receipt is presumed on the 2nd day after sending not counting Sundays and Mondays (Tuesday
    /// 21 April); fourteen days later is Liberation Day, so 6 May, plus the one-day margin: Thursday 7 May.</summary>
    [Fact]
    public async Task FinalNoticeEmailBounced_StaffPostItWithANewDeadline_NoCostsBeforeIt()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-05-12T00:00:00+02:00", events: $$"""
            [ {{Timelines.ThreeUnansweredCalls}},
              { "at": "2026-04-17T10:05:00+02:00", "type": "deliveryFailed", "channel": "email", "reason": "mailbox unknown" } ]
            """));

        Assert.Equal(
        [
            "2026-04-17T10:00+02:00 message email formal final-notice balance=1250.00 costs=0 interest=0",
            "2026-04-17T10:05+02:00 staffTask email to jan@example.nl could not be delivered (mailbox unknown): check the contact data.",
            "2026-04-17T10:05+02:00 staffTask Send the final notice by post today; it states 2026-05-07 as the deadline.",
            "2026-05-08T00:00+02:00 note note: Final notice term ended 2026-05-07: collection costs of €187.50 are now due.",
            "2026-05-08T08:00+02:00 approvalRequested hand-over",
        ], timeline.SkipWhile(line => !line.Contains("final-notice", StringComparison.Ordinal)).ToList());
    }
}
