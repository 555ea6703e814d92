using Collections.Tests.Simulation;

namespace Collections.Tests.Workflow;

/// <summary>A debtor with several open invoices hears one voice: at most one message a day, listing every
/// overdue invoice, and one call task for staff; each invoice keeps its own state.</summary>
public sealed class OneVoicePerDebtorTests
{
    private const string TwoInvoices = """
        {
          "start": "2026-03-02T09:00:00+01:00", "until": "2026-04-07T00:00:00+02:00",
          "invoices": [
            { "number": "F2026-0042", "issueDate": "2026-02-01", "dueDate": "2026-03-03", "amount": 1250.00, "currency": "EUR",
              "debtor": { "id": "C-17", "name": "Jan Jansen", "kind": "consumer", "email": "jan@example.nl", "phone": "+31612345678", "preferredChannel": "sms", "language": "nl" } },
            { "number": "F2026-0051", "issueDate": "2026-02-02", "dueDate": "2026-03-03", "amount": 310.00, "currency": "EUR",
              "debtor": { "id": "C-17", "name": "Jan Jansen", "kind": "consumer", "email": "jan@example.nl", "phone": "+31612345678", "preferredChannel": "sms", "language": "nl" } } ],
          "events": [
            { "at": "2026-03-13T11:00:00+01:00", "type": "callOutcome", "outcome": "promise-to-pay", "promisedDate": "2026-03-20" },
            { "at": "2026-03-19T09:00:00+01:00", "type": "payment", "invoiceNumber": "F2026-0042", "amount": 1250.00, "paymentId": "tr_10" } ]
        }
        """;

    /// <summary>The call comes once the shared reminder's deadline (11 March) and a grace day have passed; the
    /// covered invoice holds to that deadline too. The promise-broken call waits for its reminder's deadline (30 March)
    /// and a grace day.</summary>
    [Fact]
    public async Task TwoInvoicesDueTogether_OneMessageListingBoth_OneCallTask_EachEndsOnItsOwn()
    {
        var timeline = await Timelines.RunAsync(TwoInvoices);

        Assert.Equal(
        [
            "2026-03-04T10:00+01:00 message sms friendly reminder balance=1560.00 costs=0 interest=0 [F2026-0042,F2026-0051]",
            "2026-03-04T10:00+01:00 note note: No separate reminder: today's message to the debtor already listed this invoice. [F2026-0051]",
            "2026-03-13T10:00+01:00 callTask first-contact attempt=1 dueBy=2026-03-13T17:00+01:00 [F2026-0042]",
            "2026-03-13T10:00+01:00 note call-task-joined: Added to the debtor's open call task (first-contact) instead of a second call. [F2026-0051]",
            "2026-03-13T11:00+01:00 note call-outcome: Call outcome: promise-to-pay (by 2026-03-20) [F2026-0042]",
            "2026-03-13T11:00+01:00 note call-outcome: Call outcome: promise-to-pay (by 2026-03-20) [F2026-0051]",
            "2026-03-19T09:00+01:00 note payment: Payment tr_10 of €1,250.00 received; balance €0.00. [F2026-0042]",
            "2026-03-19T09:00+01:00 completed paid [F2026-0042]",
            "2026-03-22T00:00+01:00 note note: Promise to pay by 2026-03-20 not met. [F2026-0051]",
            "2026-03-23T08:00+01:00 message sms businesslike promise-reminder balance=310.00 costs=0 interest=0 [F2026-0051]",
            "2026-04-01T10:00+02:00 callTask promise-broken attempt=1 dueBy=2026-04-01T17:00+02:00 [F2026-0051]",
            "2026-04-01T17:00+02:00 staffTask The promise-broken call task raised 2026-04-01 has no outcome yet: it stays on the call list as overdue, to be called on 2026-04-02. No call is recorded until staff record one.",
            "2026-04-02T17:00+02:00 staffTask Escalation to the supervisor (finance-manager@example.nl): the promise-broken call task raised 2026-04-01 was not worked; it is taken off the call list and the next message goes out in writing; no call is recorded.",
            "2026-04-02T17:00+02:00 message email businesslike reminder balance=310.00 costs=0 interest=0 [F2026-0051]",
        ], timeline);
    }

    [Fact]
    public async Task TwoInvoices_NeverMoreThanOneMessageADay()
    {
        var lines = await Timelines.RunLinesAsync(TwoInvoices.Replace("2026-04-07T00:00:00+02:00", "2026-06-30T00:00:00+02:00", StringComparison.Ordinal));

        var messageDays = lines.Where(line => line["type"]!.GetValue<string>() == "message").Select(line => line["at"]!.GetValue<string>()[..10]).ToList();
        Assert.NotEmpty(messageDays);
        Assert.Equal(messageDays.Count, messageDays.Distinct().Count());
    }
}
