using Collections.Invoices;
using Collections.Messages;

namespace Collections.Tests.Messages;

/// <summary>What each kind of message tells the debtor beyond the common fields.</summary>
public sealed class MessageKindsTests
{
    private static readonly MessageRenderer Renderer = MessageRenderer.Default;

    [Theory]
    [InlineData("nl", "Fijn dat wij op 10 maart 2026 afspraken dat u € 1.250,00 uiterlijk 13 maart 2026 zou betalen.")]
    [InlineData("en", "We were glad to agree on 10 March 2026 that you would pay €1,250.00 by 13 March 2026.")]
    public void PromiseReminder_Friendly_RecallsThePromiseByDate(string language, string sentence)
    {
        var text = Render(MessageKind.PromiseReminder, Tone.Friendly, language).Text;

        Assert.Contains(sentence, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "De betaling van € 250,00 van 15 maart 2026 hebben wij nog niet ontvangen.", "15 maart 2026: € 250,00 (nog niet ontvangen)")]
    [InlineData("en", "We have not yet received the payment of €250.00 due on 15 March 2026.", "15 March 2026: €250.00 (not received yet)")]
    public void InstalmentReminder_Friendly_NamesTheMissedInstalmentByDate(string language, string sentence, string planLine)
    {
        var text = Render(MessageKind.InstalmentReminder, Tone.Friendly, language).Text;

        Assert.Contains(sentence, text, StringComparison.Ordinal);
        Assert.Contains(planLine, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "1 april 2026: € 250,00 (gepland)")]
    [InlineData("en", "1 April 2026: €250.00 (scheduled)")]
    public void PaymentPlanConfirmation_ListsEveryInstalment(string language, string line)
    {
        var text = Render(MessageKind.PaymentPlanConfirmation, Tone.Friendly, language).Text;

        Assert.Contains(line, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Hartelijk dank voor uw betaling van € 400,00 op 14 maart 2026. Daarmee staat er nog € 850,00 open.")]
    [InlineData("en", "Thank you very much for your payment of €400.00 on 14 March 2026. That leaves €850.00 open.")]
    public void PaymentReceived_Partial_ThanksAndStatesTheRemainder(string language, string sentence)
    {
        var model = SampleMessages.Complete(MessageKind.PaymentReceived) with { Invoices = [SampleMessages.Invoice with { OpenAmount = 850m }] };

        var message = Renderer.Render(MessageKind.PaymentReceived, Tone.Friendly, Channel.Email, language, model);

        Assert.Contains(sentence, message.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{model.PaymentLink.AbsoluteUri.Replace("&", "&amp;", StringComparison.Ordinal)}\"", message.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Daarmee is alles betaald.")]
    [InlineData("en", "Everything is now paid.")]
    public void PaymentReceived_Settled_ThanksWithoutAskingForMore(string language, string sentence)
    {
        var model = SampleMessages.Complete(MessageKind.PaymentReceived) with { Invoices = [SampleMessages.Invoice with { OpenAmount = 0m }] };

        var message = Renderer.Render(MessageKind.PaymentReceived, Tone.Friendly, Channel.Email, language, model);

        Assert.Contains(sentence, message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(model.PaymentLink.AbsoluteUri, message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Channel.Email, "nl")]
    [InlineData(Channel.Email, "en")]
    [InlineData(Channel.Sms, "nl")]
    [InlineData(Channel.Sms, "en")]
    public void DebtCounsellingReferral_PointsToFreeMunicipalHelp(Channel channel, string language)
    {
        var text = Render(MessageKind.DebtCounsellingReferral, Tone.Friendly, language, channel).Text;

        Assert.Contains("schuldhulpverlening", text, StringComparison.Ordinal);
        Assert.Contains("14 030", text, StringComparison.Ordinal);
        Assert.Contains(language == "nl" ? "gratis" : "free", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DebtCounsellingReferral_WithoutSpecificHelp_StillNamesTheMunicipality()
    {
        var model = SampleMessages.Complete(MessageKind.DebtCounsellingReferral) with { DebtHelp = null };

        var text = Renderer.Render(MessageKind.DebtCounsellingReferral, Tone.Friendly, Channel.Email, "nl", model).Text;

        Assert.Contains("De gemeente waar u woont helpt", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Beste")]
    [InlineData("en", "Dear")]
    public void FinalNotice_BusinessWithoutCompensationOrInterest_ClaimsNothingExtra(string language, string greeting)
    {
        var model = SampleMessages.Complete(MessageKind.FinalNotice, SampleMessages.Business) with { Invoices = [SampleMessages.Invoice] };

        var email = Renderer.Render(MessageKind.FinalNotice, Tone.Formal, Channel.Email, language, model);
        var sms = Renderer.Render(MessageKind.FinalNotice, Tone.Formal, Channel.Sms, language, model);

        Assert.DoesNotContain(MessageFormat.Money(0m, "EUR", language), email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "nl" ? "handelsrente" : "interest", sms.Text, StringComparison.Ordinal);
        Assert.StartsWith(greeting, sms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminder_BusinessDebtor_GreetsTheContactPerson()
    {
        var model = SampleMessages.Reminder(SampleMessages.Business);

        var message = Renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Email, "nl", model);

        Assert.Contains("Beste Petra Smit,", message.Text, StringComparison.Ordinal);
        Assert.Contains("Hotel De Linde B.V., t.a.v. Petra Smit", message.Text, StringComparison.Ordinal);
    }

    private static RenderedMessage Render(MessageKind kind, Tone tone, string language, Channel channel = Channel.Email) =>
        Renderer.Render(kind, tone, channel, language, SampleMessages.Complete(kind));
}
