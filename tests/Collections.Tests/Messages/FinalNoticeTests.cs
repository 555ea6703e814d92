using Collections.Invoices;
using Collections.Messages;

namespace Collections.Tests.Messages;

/// <summary>The final notice is the one message with legal weight (LAW.md): for consumers the
/// 14-day letter with the exact costs and safe wording, for businesses the €40 and the interest.</summary>
public sealed class FinalNoticeTests
{
    private static readonly MessageRenderer Renderer = MessageRenderer.Default;

    [Theory]
    [InlineData("nl", "€ 187,50", "binnen veertien dagen vanaf de dag nadat deze e-mail bij u is bezorgd")]
    [InlineData("en", "€187.50", "within fourteen days from the day after you receive this email")]
    public void Render_ConsumerEmail_StatesExactCostsAndTheSafeFourteenDayWording(string language, string costs, string wording)
    {
        var message = Render(Channel.Email, language, SampleMessages.Consumer);

        Assert.Contains(wording, message.Text, StringComparison.Ordinal);
        Assert.Contains(wording, message.Html, StringComparison.Ordinal);
        Assert.Contains(costs, message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "€ 187,50", "binnen veertien dagen vanaf de dag nadat dit bericht bij u is bezorgd")]
    [InlineData("en", "€187.50", "within fourteen days from the day after you receive this message")]
    public void Render_ConsumerSms_StatesExactCostsAndTheSafeFourteenDayWording(string language, string costs, string wording)
    {
        var message = Render(Channel.Sms, language, SampleMessages.Consumer);

        Assert.Contains(wording, message.Text, StringComparison.Ordinal);
        Assert.Contains(costs, message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Channel.Email, "nl")]
    [InlineData(Channel.Email, "en")]
    [InlineData(Channel.Sms, "nl")]
    [InlineData(Channel.Sms, "en")]
    public void Render_Consumer_NeverCountsFromTheDateOfTheLetter(Channel channel, string language)
    {
        var message = Render(channel, language, SampleMessages.Consumer);

        foreach (var forfeiting in new[] { "dagtekening", "na datum", "date of this letter", "date of this email", "after the date" })
        {
            Assert.DoesNotContain(forfeiting, message.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Render_ConsumerWithTwoInvoices_StatesTheCostsOfEachAndTheirSum()
    {
        var model = SampleMessages.Complete(MessageKind.FinalNotice) with
        {
            Invoices = [SampleMessages.Invoice with { AnnouncedCosts = 187.5m }, SampleMessages.SecondInvoice with { AnnouncedCosts = 46.58m }],
        };

        var message = Renderer.Render(MessageKind.FinalNotice, Tone.Formal, Channel.Email, "nl", model);

        Assert.Contains("€ 234,08", message.Text, StringComparison.Ordinal);
        Assert.Contains("€ 187,50 voor factuur 2026-0042", message.Text, StringComparison.Ordinal);
        Assert.Contains("€ 46,58 voor factuur 2026-0057", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ConsumerCostsWithVat_SaysSo()
    {
        var model = SampleMessages.Complete(MessageKind.FinalNotice) with { FinalNotice = new FinalNoticeTerms(FinalNoticeRegime.Consumer, CostsIncludeVat: true) };

        var message = Renderer.Render(MessageKind.FinalNotice, Tone.Formal, Channel.Email, "nl", model);

        Assert.Contains("inclusief 21% btw", message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", FinalNoticeRegime.Consumer, "incassobureau")]
    [InlineData("nl", FinalNoticeRegime.Business, "incassobureau")]
    [InlineData("en", FinalNoticeRegime.Consumer, "collection agency")]
    [InlineData("en", FinalNoticeRegime.Business, "collection agency")]
    public void Render_HandOverMentionedOnlyWhenAnAgencyIsConfigured(string language, FinalNoticeRegime regime, string agencyWord)
    {
        var complete = SampleMessages.Complete(MessageKind.FinalNotice);
        string Text(bool possible) => Renderer.Render(MessageKind.FinalNotice, Tone.Formal, Channel.Email, language,
            complete with { FinalNotice = new FinalNoticeTerms(regime, HandOverPossible: possible) }).Text;

        Assert.Contains(agencyWord, Text(possible: true), StringComparison.Ordinal);
        Assert.DoesNotContain(agencyWord, Text(possible: false), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "€ 40,00", "€ 5,21", "€ 1.295,21", "handelsrente")]
    [InlineData("en", "€40.00", "€5.21", "€1,295.21", "commercial interest")]
    public void Render_Business_ClaimsCompensationAndCommercialInterest(string language, string compensation, string interest, string total, string interestWord)
    {
        var message = Render(Channel.Email, language, SampleMessages.Business);

        Assert.Contains(compensation, message.Text, StringComparison.Ordinal);
        Assert.Contains(interest, message.Text, StringComparison.Ordinal);
        Assert.Contains(total, message.Text, StringComparison.Ordinal);
        Assert.Contains(interestWord, message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("veertien dagen", message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Wij waarderen u als klant", "danken u alvast hartelijk")]
    [InlineData("en", "We value you as a customer", "thank you in advance")]
    public void Render_Email_OpensAndClosesPositively(string language, string opening, string closing)
    {
        foreach (var debtor in new[] { SampleMessages.Consumer, SampleMessages.Business })
        {
            var text = Render(Channel.Email, language, debtor).Text;
            var body = text[text.IndexOf(',', StringComparison.Ordinal)..];

            Assert.True(body.IndexOf(opening, StringComparison.Ordinal) < body.IndexOf(language == "nl" ? "incassobureau" : "collection agency", StringComparison.Ordinal));
            Assert.Contains(closing, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_ConsumerWithoutAnnouncedCosts_ThrowsNamingTheField()
    {
        var model = SampleMessages.Complete(MessageKind.FinalNotice) with { Invoices = [SampleMessages.Invoice] };

        var error = Assert.Throws<ArgumentException>(() => Renderer.Render(MessageKind.FinalNotice, Tone.Formal, Channel.Email, "nl", model));

        Assert.Equal("Invoices.AnnouncedCosts", error.ParamName);
    }

    [Fact]
    public void Render_ConsumerDeadlineWithinFourteenDaysAfterReceipt_ThrowsNamingTheField()
    {
        var model = SampleMessages.Complete(MessageKind.FinalNotice) with { NewDeadline = SampleMessages.MessageDate.AddDays(14) };

        var error = Assert.Throws<ArgumentException>(() => Renderer.Render(MessageKind.FinalNotice, Tone.Formal, Channel.Email, "nl", model));

        Assert.Equal("NewDeadline", error.ParamName);
    }

    [Fact]
    public void Render_WithoutTerms_ThrowsNamingTheField()
    {
        var model = SampleMessages.Complete(MessageKind.FinalNotice) with { FinalNotice = null };

        var error = Assert.Throws<ArgumentException>(() => Renderer.Render(MessageKind.FinalNotice, Tone.Formal, Channel.Email, "nl", model));

        Assert.Equal("FinalNotice", error.ParamName);
    }

    private static RenderedMessage Render(Channel channel, string language, DebtorContact debtor) =>
        Renderer.Render(MessageKind.FinalNotice, Tone.Formal, channel, language, SampleMessages.Complete(MessageKind.FinalNotice, debtor));
}
