using Collections.Server.Simulation;

namespace Collections.AzureFunctions.Tests.DurableTaskSdk;

/// <summary>
/// One list of timeline cases — the <c>simulate</c> examples the server ships — run on both engines under virtual
/// time: the embedded runtime, and the Functions app's orchestrator and activity functions on the Durable Task SDK's
/// runner (<see cref="VirtualTimeDurableHost"/>). Both write the same store through the same activities, so what was
/// sent, when, over which channel and in which tone must be line for line the same.
/// </summary>
public sealed class CrossEngineTimelineTests
{
    /// <summary>An example, when the message provider is back (null: it never fails), and how the invoice ends.</summary>
    public static TheoryData<string, string?, string?> Cases => new()
    {
        { "cancelled.json", "2026-03-04T12:00:00+01:00", "cancelled" },
        { "cancelled.json", "2026-03-04T23:00:00+01:00", "cancelled" },
        { "late-payer-full-ladder.json", null, "handed-over" },
        { "good-payer-paid-on-time.json", null, "paid" },
        { "partial-payment-promise-kept.json", null, "paid" },
        { "promise-broken.json", null, "paid" },
        { "payment-plan-kept.json", null, "paid" },
        { "payment-plan-missed.json", null, null },
        { "dispute-resolved-with-credit.json", null, "paid" },
        { "cancelled.json", null, "cancelled" },
        { "delivery-failed.json", null, "paid" },
        { "no-answer-then-written.json", null, "paid" },
        { "hardship-referral.json", null, null },
        { "business-rejected.json", null, "closed-by-staff" },
        { "due-on-kings-day.json", null, "paid" },
        { "two-invoices-one-voice.json", null, "paid" },
        { "outage-catch-up.json", null, "paid" },
        { "unusable-contact-data.json", null, null },
        { "payment-before-invoice.json", null, "paid" },
        { "paused-by-staff.json", null, "paid" },
        { "debtor-plan-on-own-page.json", null, "paid" },
        { "whatsapp-reply-then-paid.json", null, "paid" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Timeline_OnDurableTask_IsTheEmbeddedRuntimes(string example, string? providerBack, string? result)
    {
        var downUntil = providerBack is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(providerBack, System.Globalization.CultureInfo.InvariantCulture);

        var embedded = await ShippedExamples.RunAsync(ShippedExamples.Load(example), providerDownUntil: downUntil);
        var durableTask = await ShippedExamples.RunAsync(ShippedExamples.Load(example), DurableTaskSimulationEngine.CreateAsync, downUntil);

        Assert.Equal(result, ShippedExamples.Result(embedded));
        Assert.All(embedded.Zip(durableTask), pair => Assert.Equal(pair.First, pair.Second));
        Assert.Equal(embedded.Count, durableTask.Count);
    }

    /// <summary>The cases with the most events (payments, call outcomes, disputes, pauses, credits, approvals,
    /// delivery reports, contact details, plans).</summary>
    public static TheoryData<string> RedeliveryCases => new()
    {
        "late-payer-full-ladder.json",
        "promise-broken.json",
        "payment-plan-missed.json",
        "dispute-resolved-with-credit.json",
        "delivery-failed.json",
        "business-rejected.json",
        "unusable-contact-data.json",
        "paused-by-staff.json",
    };

    [Theory]
    [MemberData(nameof(RedeliveryCases))]
    public async Task Timeline_WithEveryEventDeliveredTwice_IsTheOnceDeliveredTimeline_OnBothEngines(string example)
    {
        var once = await ShippedExamples.RunAsync(ShippedExamples.Load(example));
        var embeddedTwice = await ShippedExamples.RunAsync(ShippedExamples.Load(example), RedeliveringEngine.Around(EmbeddedSimulationEngine.CreateAsync));
        var durableTaskTwice = await ShippedExamples.RunAsync(ShippedExamples.Load(example), RedeliveringEngine.Around(DurableTaskSimulationEngine.CreateAsync));

        Assert.Equal(once, embeddedTwice);
        Assert.Equal(once, durableTaskTwice);
    }
}
