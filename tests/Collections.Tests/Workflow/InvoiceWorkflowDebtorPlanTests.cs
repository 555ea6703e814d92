using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Tests.Simulation;

namespace Collections.Tests.Workflow;

/// <summary>A payment plan the debtor agreed on their own page replaces the ladder; its instalments are watched
/// (R7). Invoice F2026-0042 (€1,250, consumer, SMS) is due 2026-03-03.</summary>
public sealed class InvoiceWorkflowDebtorPlanTests
{
    private const string Reminder = "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0";
    private const string TwoInstalments = """[ { "dueDate": "2026-03-20", "amount": 625.00 }, { "dueDate": "2026-04-20", "amount": 625.00 } ]""";

    [Fact]
    public async Task PlanAgreed_BeforeTheFirstCall_NoCall_MissedInstalmentGetsAReminderAndACall()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-05-05T00:00:00+02:00", events: $$"""
            [ { "at": "2026-03-06T12:00:00+01:00", "type": "planAgreed", "instalments": {{TwoInstalments}} },
              { "at": "2026-03-18T12:00:00+01:00", "type": "payment", "amount": 625.00, "paymentId": "tr_1" } ]
            """));

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1250.00 costs=0 interest=0",
            "2026-03-06T12:00+01:00 note plan-agreed: Payment plan agreed with the debtor: €1,250.00 in 2 instalments, the last due 2026-04-20.",
            "2026-03-06T12:00+01:00 message sms friendly payment-plan-confirmation balance=1250.00 costs=0 interest=0",
            "2026-03-18T12:00+01:00 note payment: Payment tr_1 of €625.00 received; balance €625.00.",
            "2026-04-22T00:00+02:00 note note: Instalment of €625.00 due 2026-04-20 missed.",
            "2026-04-22T08:00+02:00 message sms businesslike instalment-reminder balance=625.00 costs=0 interest=0",
            "2026-05-01T10:00+02:00 callTask instalment-missed attempt=1 dueBy=2026-05-01T17:00+02:00",
            "2026-05-01T17:00+02:00 staffTask The instalment-missed call task raised 2026-05-01 has no outcome yet: it stays on the call list as overdue, to be called on 2026-05-04. No call is recorded until staff record one.",
            "2026-05-04T17:00+02:00 staffTask Escalation to the supervisor (finance-manager@example.nl): the instalment-missed call task raised 2026-05-01 was not worked; it is taken off the call list and the next message goes out in writing; no call is recorded.",
            "2026-05-04T17:00+02:00 message email businesslike reminder balance=625.00 costs=0 interest=0",
        ], timeline);
    }

    [Fact]
    public async Task PlanAgreed_WhileACallIsOnTheList_CallCancelled_SamePlanTwiceCountsOnce_PaidInFull()
    {
        await using var runner = new SimulationRunner(Scenario.Parse(Timelines.Single(until: "2026-05-10T00:00:00+02:00", events: $$"""
            [ { "at": "2026-03-13T12:00:00+01:00", "type": "planAgreed", "instalments": {{TwoInstalments}} },
              { "at": "2026-03-13T12:05:00+01:00", "type": "planAgreed", "instalments": {{TwoInstalments}} },
              { "at": "2026-03-18T12:00:00+01:00", "type": "payment", "amount": 625.00, "paymentId": "tr_1" },
              { "at": "2026-04-17T12:00:00+02:00", "type": "payment", "amount": 625.00, "paymentId": "tr_2" } ]
            """)), new CollectionsPolicy());

        var timeline = (await runner.RunAsync()).Select(Timelines.Compact).ToList();

        Assert.Equal(
        [
            Reminder,
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00",
            "2026-03-13T12:00+01:00 note plan-agreed: Payment plan agreed with the debtor: €1,250.00 in 2 instalments, the last due 2026-04-20.",
            "2026-03-13T12:00+01:00 message sms friendly payment-plan-confirmation balance=1250.00 costs=0 interest=0",
            "2026-03-18T12:00+01:00 note payment: Payment tr_1 of €625.00 received; balance €625.00.",
            "2026-04-17T12:00+02:00 note payment: Payment tr_2 of €625.00 received; balance €0.00.",
            "2026-04-17T12:00+02:00 completed paid",
        ], timeline);
        Assert.Empty(await runner.Store.ListOpenCallTasksAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task PlanAgreed_DuringADispute_StaffDecide_ChasingStaysPaused()
    {
        var timeline = await Timelines.RunAsync(Timelines.Single(until: "2026-04-01T00:00:00+02:00", events: """
            [ { "at": "2026-03-05T09:30:00+01:00", "type": "dispute", "action": "open", "reason": "Wrong amount" },
              { "at": "2026-03-06T12:00:00+01:00", "type": "planAgreed", "instalments": [ { "dueDate": "2026-03-20", "amount": 1250.00 } ] } ]
            """));

        Assert.Equal(
        [
            Reminder,
            "2026-03-05T09:30+01:00 note dispute-opened: Wrong amount",
            "2026-03-05T09:30+01:00 staffTask Dispute: Wrong amount. Chasing is paused until it is resolved.",
            "2026-03-06T12:00+01:00 staffTask The debtor proposed a payment plan (€1,250.00 in 1 instalment, the last due 2026-03-20) while a dispute is open: agree it with them once the dispute is settled.",
        ], timeline);
    }
}
