using Collections.Handlers;
using Collections.Handlers.Approvals;
using Collections.Handlers.Calls;
using Collections.Handlers.Deliveries;
using Collections.Handlers.Invoices;
using Collections.Invoices;
using Collections.Storage;
using Collections.Workflow;

namespace Collections.Tests.Handlers;

public sealed class InvoiceEventMappingTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Payment_Record_BecomesPaymentReceivedWithItsId()
    {
        var received = InvoiceEventMapping.Payment(new PaymentRecord("pay-1", "2026-0042", 60.50m, "EUR", At, "stripe", At));

        Assert.Equal(new PaymentReceived("pay-1", 60.50m, At), received);
    }

    [Fact]
    public void Credit_Note_BecomesInvoiceCredited()
    {
        Assert.Equal(new InvoiceCredited(25m, "CN-7"), InvoiceEventMapping.Credit(new CreditNote("CN-7", 25m)));
    }

    [Fact]
    public void WhatsAppConsent_TheStoredOptInOrNone()
    {
        var debtor = new Debtor("debtor-1", "J. de Vries", DebtorKind.Consumer, null, "+31612345678", Channel.WhatsApp, "nl");
        var invoice = new Invoice("2026-0042", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 3), 100m, "EUR", debtor);
        var optIn = new WhatsAppOptIn(At, "debtor-page");

        Assert.Equal(new WhatsAppConsentChanged(optIn), InvoiceEventMapping.WhatsAppConsent(Record(invoice with { Debtor = debtor with { WhatsAppOptIn = optIn } })));
        Assert.Equal(new WhatsAppConsentChanged(null), InvoiceEventMapping.WhatsAppConsent(Record(invoice)));
    }

    private static InvoiceRecord Record(Invoice invoice) => new(invoice, "hash", At, InvoiceStatus.Open, invoice.Amount, "1");

    [Fact]
    public void Dispute_OpenAndResolve_BecomeTheirEvents()
    {
        Assert.Equal(new DisputeOpened("wrong amount"), InvoiceEventMapping.Dispute(new DisputeChange(DisputeChange.Open, "wrong amount")));
        Assert.Equal(new DisputeResolved(0, "agreed"), InvoiceEventMapping.Dispute(new DisputeChange(DisputeChange.Resolve, "agreed")));
    }

    [Fact]
    public void CallOutcome_PaymentPlan_CarriesKindAndInstalments()
    {
        var task = new CallTaskRecord("call-1", "debtor-1", ["2026-0042"], "invoice-2026-0042", "script", At, At, "open");
        var outcome = new CallOutcomeRequest(
            CallOutcomeKinds.PaymentPlan,
            Instalments: [new InstalmentRequest(new DateOnly(2026, 4, 1), 50m), new InstalmentRequest(new DateOnly(2026, 5, 1), 71m)],
            Note: "two parts");

        var recorded = InvoiceEventMapping.CallOutcome(task, outcome);

        Assert.Equal("call-1", recorded.CallTaskId);
        Assert.Equal(CallOutcomeKind.PaymentPlan, recorded.Outcome.Kind);
        Assert.Equal([new Instalment(new DateOnly(2026, 4, 1), 50m), new Instalment(new DateOnly(2026, 5, 1), 71m)], recorded.Outcome.Instalments);
        Assert.Equal("two parts", recorded.Outcome.Note);
    }

    [Fact]
    public void CallOutcome_EveryKindStaffCanRecord_HasAWorkflowKind()
    {
        var task = new CallTaskRecord("call-1", "debtor-1", ["2026-0042"], "invoice-2026-0042", "script", At, At, "open");

        var kinds = CallOutcomeKinds.All.Select(kind => InvoiceEventMapping.CallOutcome(task, new CallOutcomeRequest(kind)).Outcome.Kind).ToList();

        Assert.Equal(Enum.GetValues<CallOutcomeKind>().Order(), kinds.Order());
    }

    [Fact]
    public void CallOutcome_UnknownKind_ThrowsNamingIt()
    {
        var task = new CallTaskRecord("call-1", "debtor-1", ["2026-0042"], "invoice-2026-0042", "script", At, At, "open");

        var error = Assert.Throws<ArgumentException>(() => InvoiceEventMapping.CallOutcome(task, new CallOutcomeRequest("gone-fishing")));

        Assert.Contains("'gone-fishing'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApprovalDecisions.Approve, ApprovalDecision.Approve)]
    [InlineData(ApprovalDecisions.Reject, ApprovalDecision.Reject)]
    public void Approval_Decided_BecomesApprovalDecided(string decision, ApprovalDecision expected)
    {
        var approval = new ApprovalRecord("appr-1", "2026-0042", "invoice-2026-0042", "hand-over", "hash", At, At.AddDays(7), decision, At, "j.jansen");

        Assert.Equal(new ApprovalDecided("appr-1", expected, "j.jansen"), InvoiceEventMapping.Approval(approval));
    }

    [Fact]
    public void Approval_Undecided_Throws()
    {
        var approval = new ApprovalRecord("appr-1", "2026-0042", "invoice-2026-0042", "hand-over", "hash", At, At.AddDays(7));

        Assert.Throws<ArgumentException>(() => InvoiceEventMapping.Approval(approval));
    }

    [Fact]
    public void Delivery_Failure_KeepsChannelAndTheProvidersReason()
    {
        Assert.Equal(
            new DeliveryFailed(Channel.Email, "Bounced"),
            InvoiceEventMapping.Delivery(new DeliveryFailure("evt-1", "invoice-2026-0042", Channel.Email, "a@example.nl", "Bounced", null)));
    }

    [Theory]
    [InlineData("invoice-2026-0042", true)]
    [InlineData("invoice-2026%2F0042", true)]
    [InlineData("debtor-17", false)]
    public void IsInvoiceWorkflow_InstanceId_RecognisesInvoiceWorkflows(string instanceId, bool expected) =>
        Assert.Equal(expected, InvoiceEventMapping.IsInvoiceWorkflow(instanceId));
}
