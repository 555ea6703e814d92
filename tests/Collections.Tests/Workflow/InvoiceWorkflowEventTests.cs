using Collections.Tests.Simulation;

namespace Collections.Tests.Workflow;

/// <summary>What happens to the ladder when payments, call outcomes, disputes and changes arrive:
/// whole timelines under virtual time. Invoice F2026-0042 (€1,250, consumer, SMS) is due 2026-03-03.</summary>
public sealed class InvoiceWorkflowEventTests
{
    private const string Reminder = "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0";
    // The first call waits until the reminder's deadline (11 March) and a grace day have passed.
    private const string FirstCall = "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00";

    [Fact]
    public async Task PartialPayment_LaterMessagesStateTheBalance()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-03-27T00:00:00+01:00", events: """
            [ { "at": "2026-03-05T11:00:00+01:00", "type": "payment", "amount": 200.00, "paymentId": "tr_1" },
              { "at": "2026-03-13T11:00:00+01:00", "type": "callOutcome", "outcome": "no-answer" },
              { "at": "2026-03-16T15:00:00+01:00", "type": "payment", "amount": 50.00, "paymentId": "tr_2" } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-05T11:00+01:00 note payment: Payment tr_1 of €200.00 received; balance €1,050.00.",
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T11:00+01:00 note call-outcome: Call outcome: no-answer",
            "2026-03-16T14:30+01:00 callTask first-contact attempt=2 dueBy=2026-03-16T17:00+01:00",
            "2026-03-16T15:00+01:00 note payment: Payment tr_2 of €50.00 received; balance €1,000.00.",
            "2026-03-16T17:00+01:00 staffTask The first-contact call task raised 2026-03-16 has no outcome yet: it stays on the call list as overdue, to be called on 2026-03-17. No call is recorded until staff record one.",
            "2026-03-17T17:00+01:00 staffTask Escalation to the supervisor (finance-manager@example.nl): the first-contact call task raised 2026-03-16 was not worked; it is taken off the call list and the next message goes out in writing; no call is recorded.",
            "2026-03-17T17:00+01:00 message email friendly reminder balance=1000.00 costs=0 interest=0",
            "2026-03-26T10:00+01:00 message sms businesslike reminder balance=1000.00 costs=0 interest=0",
        ], timeline);
    }

    [Fact]
    public async Task Overpayment_StaffTaskForTheCreditThenPaid()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single("""
            [ { "at": "2026-03-05T11:00:00+01:00", "type": "payment", "amount": 1500.00, "paymentId": "tr_over" } ]
            """));

        Assert.Equal(
        [
            Reminder,
            "2026-03-05T11:00+01:00 note payment: Payment tr_over of €1,500.00 received; balance €0.00.",
            "2026-03-05T11:00+01:00 staffTask Overpaid: €250.00 more than the open balance was received. Refund it or offset it against another invoice.",
            "2026-03-05T11:00+01:00 completed paid",
        ], timeline);
    }

    [Fact]
    public async Task PromiseKept_PaidByTheDate_NothingMoreIsSent()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single("""
            [ { "at": "2026-03-13T11:00:00+01:00", "type": "callOutcome", "outcome": "promise-to-pay", "promisedDate": "2026-03-20" },
              { "at": "2026-03-19T14:00:00+01:00", "type": "payment", "amount": 1250.00, "paymentId": "tr_2" } ]
            """));

        Assert.Equal(
        [
            Reminder,
            FirstCall,
            "2026-03-13T11:00+01:00 note call-outcome: Call outcome: promise-to-pay (by 2026-03-20)",
            "2026-03-19T14:00+01:00 note payment: Payment tr_2 of €1,250.00 received; balance €0.00.",
            "2026-03-19T14:00+01:00 completed paid",
        ], timeline);
    }

    /// <summary>R7: the broken promise gets a reminder at once; the new call waits until that reminder's own deadline
    /// (26 March) and a grace day have passed (28 March is a Saturday: Monday 30 March).</summary>
    [Fact]
    public async Task PromiseBroken_ReminderAtTheNextAllowedMoment_NewCallAfterItsDeadline()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-03-30T12:00:00+02:00", events: """
            [ { "at": "2026-03-13T11:00:00+01:00", "type": "callOutcome", "outcome": "promise-to-pay", "promisedDate": "2026-03-17" } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T11:00+01:00 note call-outcome: Call outcome: promise-to-pay (by 2026-03-17)",
            "2026-03-19T00:00+01:00 note note: Promise to pay by 2026-03-17 not met.",
            "2026-03-19T08:00+01:00 message sms businesslike promise-reminder balance=1250.00 costs=0 interest=0",
            "2026-03-30T10:00+02:00 callTask promise-broken attempt=1 dueBy=2026-03-30T17:00+02:00",
        ], timeline);
    }

    [Fact]
    public async Task PaymentPlanKept_OverThreeMonths_Paid()
    {
        await using var runner = new Server.Simulation.SimulationRunner(Server.Simulation.Scenario.Parse(Timelines.Single(until: "2026-07-31T00:00:00+02:00", events: """
            [ { "at": "2026-03-13T11:00:00+01:00", "type": "callOutcome", "outcome": "payment-plan", "instalments": [
                  { "dueDate": "2026-04-01", "amount": 450.00 }, { "dueDate": "2026-05-01", "amount": 400.00 }, { "dueDate": "2026-06-01", "amount": 400.00 } ] },
              { "at": "2026-03-31T10:00:00+02:00", "type": "payment", "amount": 450.00, "paymentId": "tr_a" },
              { "at": "2026-04-30T10:00:00+02:00", "type": "payment", "amount": 400.00, "paymentId": "tr_b" },
              { "at": "2026-06-01T10:00:00+02:00", "type": "payment", "amount": 400.00, "paymentId": "tr_c" } ]
            """)), new Collections.Policy.CollectionsPolicy());

        var timeline = (await runner.RunAsync()).Select(Timelines.Compact).ToList();

        Assert.Equal(
        [
            Reminder,
            FirstCall,
            "2026-03-13T11:00+01:00 note call-outcome: Call outcome: payment-plan (3 instalments)",
            "2026-03-13T11:00+01:00 message sms friendly payment-plan-confirmation balance=1250.00 costs=0 interest=0",
            "2026-03-31T10:00+02:00 note payment: Payment tr_a of €450.00 received; balance €800.00.",
            "2026-04-30T10:00+02:00 note payment: Payment tr_b of €400.00 received; balance €400.00.",
            "2026-06-01T10:00+02:00 note payment: Payment tr_c of €400.00 received; balance €0.00.",
            "2026-06-01T10:00+02:00 completed paid",
        ], timeline);
        Assert.Equal("paid", (await runner.Store.GetInvoiceAsync("F2026-0042", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task PaymentPlan_MissedInstalment_ReminderStatesWhatIsOpenAndANewCall()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-05-14T00:00:00+02:00", events: """
            [ { "at": "2026-03-13T11:00:00+01:00", "type": "callOutcome", "outcome": "payment-plan", "instalments": [
                  { "dueDate": "2026-04-01", "amount": 450.00 }, { "dueDate": "2026-05-01", "amount": 800.00 } ] },
              { "at": "2026-03-31T10:00:00+02:00", "type": "payment", "amount": 450.00, "paymentId": "tr_a" } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T11:00+01:00 note call-outcome: Call outcome: payment-plan (2 instalments)",
            "2026-03-13T11:00+01:00 message sms friendly payment-plan-confirmation balance=1250.00 costs=0 interest=0",
            "2026-03-31T10:00+02:00 note payment: Payment tr_a of €450.00 received; balance €800.00.",
            "2026-05-03T00:00+02:00 note note: Instalment of €800.00 due 2026-05-01 missed.",
            "2026-05-04T08:00+02:00 message sms businesslike instalment-reminder balance=800.00 costs=0 interest=0",
            "2026-05-13T10:00+02:00 callTask instalment-missed attempt=1 dueBy=2026-05-13T17:00+02:00",
            "2026-05-13T17:00+02:00 staffTask The instalment-missed call task raised 2026-05-13 has no outcome yet: it stays on the call list as overdue, to be called on 2026-05-18. No call is recorded until staff record one.",
        ], timeline);
    }

    [Fact]
    public async Task Dispute_PausesChasingUntilResolved_CreditLowersTheBalance()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-04-03T00:00:00+02:00", events: """
            [ { "at": "2026-03-05T09:30:00+01:00", "type": "dispute", "action": "open", "reason": "Two radiators were not installed" },
              { "at": "2026-03-20T16:00:00+01:00", "type": "dispute", "action": "resolve", "creditAmount": 250.00 } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-05T09:30+01:00 note dispute-opened: Two radiators were not installed",
            "2026-03-05T09:30+01:00 staffTask Dispute: Two radiators were not installed. Chasing is paused until it is resolved.",
            "2026-03-20T16:00+01:00 note dispute-resolved: dispute resolved, credit 250.00",
            "2026-03-20T16:00+01:00 note note: Dispute resolved: €250.00 credited; balance €1,000.00.",
            "2026-03-30T09:00+02:00 callTask first-contact attempt=1 dueBy=2026-03-30T17:00+02:00",
            "2026-03-30T17:00+02:00 staffTask The first-contact call task raised 2026-03-30 has no outcome yet: it stays on the call list as overdue, to be called on 2026-03-31. No call is recorded until staff record one.",
            "2026-03-31T17:00+02:00 staffTask Escalation to the supervisor (finance-manager@example.nl): the first-contact call task raised 2026-03-30 was not worked; it is taken off the call list and the next message goes out in writing; no call is recorded.",
            "2026-03-31T17:00+02:00 message email friendly reminder balance=1000.00 costs=0 interest=0",
        ], timeline);
    }

    [Fact]
    public async Task Cancelled_EndsAtOnce_NothingAfter()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single("""
            [ { "at": "2026-03-06T12:00:00+01:00", "type": "invoiceCancelled", "reason": "Credit note for the whole invoice" } ]
            """));

        Assert.Equal([Reminder, "2026-03-06T12:00+01:00 completed cancelled"], timeline);
    }

    [Fact]
    public async Task SmsDeliveryFailed_StaffTaskAndTheMessageAgainByEmail_ThenEmailOnly()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-03-14T00:00:00+01:00", events: """
            [ { "at": "2026-03-04T10:05:00+01:00", "type": "deliveryFailed", "channel": "sms", "reason": "number not in service" } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-04T10:05+01:00 staffTask sms to +31612345678 could not be delivered (number not in service): check the contact data.",
            "2026-03-04T10:05+01:00 message email friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-13T10:00+01:00 note note: No usable phone number: a written message instead of a call.",
            "2026-03-13T10:00+01:00 message email friendly reminder balance=1250.00 costs=0 interest=0",
        ], timeline);
    }

    [Fact]
    public async Task NoAnswer_RetriedOnLaterBusinessDaysAtOtherTimes_ThenWrittenOverTheOtherChannel()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-03-18T00:00:00+01:00", events: """
            [ { "at": "2026-03-13T10:30:00+01:00", "type": "callOutcome", "outcome": "no-answer" },
              { "at": "2026-03-16T14:45:00+01:00", "type": "callOutcome", "outcome": "no-answer" },
              { "at": "2026-03-17T11:45:00+01:00", "type": "callOutcome", "outcome": "no-answer" } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T10:30+01:00 note call-outcome: Call outcome: no-answer",
            "2026-03-16T14:30+01:00 callTask first-contact attempt=2 dueBy=2026-03-16T17:00+01:00",
            "2026-03-16T14:45+01:00 note call-outcome: Call outcome: no-answer",
            "2026-03-17T11:30+01:00 callTask first-contact attempt=3 dueBy=2026-03-17T17:00+01:00",
            "2026-03-17T11:45+01:00 note call-outcome: Call outcome: no-answer",
            "2026-03-17T11:45+01:00 message email friendly reminder balance=1250.00 costs=0 interest=0",
        ], timeline);
    }

    [Fact]
    public async Task Hardship_ReferralToDebtCounselling_NeverEscalated()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-09-30T00:00:00+02:00", events: """
            [ { "at": "2026-03-13T10:30:00+01:00", "type": "callOutcome", "outcome": "hardship", "reason": "Lost job" } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T10:30+01:00 note call-outcome: Call outcome: hardship (Lost job)",
            "2026-03-13T10:30+01:00 message sms friendly debt-counselling-referral balance=1250.00 costs=0 interest=0",
            "2026-03-13T10:30+01:00 staffTask Hardship: debtor referred to debt counselling; chasing stopped, decide how to continue.",
        ], timeline);
    }

    [Fact]
    public async Task CallOutcomeWithoutOpenTask_IgnoredWithANote()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-03-05T00:00:00+01:00", events: """
            [ { "at": "2026-03-04T12:00:00+01:00", "type": "callOutcome", "outcome": "no-answer" } ]
            """));

        Assert.Equal([Reminder, "2026-03-04T12:00+01:00 note ignored: callOutcome no-answer ignored: no call task is open."], timeline);
    }
}
