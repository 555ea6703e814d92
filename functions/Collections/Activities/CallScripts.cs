using Collections.Workflow;

namespace Collections.Activities;

/// <summary>What staff say on each kind of call (R6: open questions, no "why haven't you paid";
/// follow-up calls firmer and holding the debtor to earlier statements, never losing patience).</summary>
public static class CallScripts
{
    public static string For(CallScript script) => script switch
    {
        CallScript.FirstContact =>
            "First contact. Ask whether the delivery met expectations and whether the invoice arrived. " +
            "Say we have not received the payment yet and ask them to check their administration. " +
            "Ask open questions; do not ask why they have not paid. Agree a date or a plan together.",
        CallScript.FollowUp =>
            "Follow-up. Refer to the earlier contact by date and what was said then. Be clear and businesslike: " +
            "the invoice is still open. Hold them to earlier statements; stay patient. Agree a concrete date or plan.",
        CallScript.PromiseBroken =>
            "Promise not kept. Refer to the promise (date and amount) and ask what happened. " +
            "Agree a new, concrete date or a payment plan; mention that a formal notice follows otherwise.",
        CallScript.InstalmentMissed =>
            "Instalment missed. Refer to the agreed plan and the missed date. Ask whether the plan still fits; " +
            "agree how the missed amount is paid.",
        CallScript.Hardship =>
            "Hardship. Listen; offer a payment plan that fits what they can pay, and mention free debt counselling. " +
            "No escalation is planned.",
        _ => throw new ArgumentOutOfRangeException(nameof(script), script, "Unknown call script."),
    };
}
