using Collections.Invoices;
using Collections.Messages;

namespace Collections.Tests.Messages;

/// <summary>Customising templates: a company's own wording replaces a shipped file.</summary>
public sealed class MessageTemplatesTests
{
    [Fact]
    public void WithOverrides_ReplacedSmsTemplate_IsUsedAndOthersStay()
    {
        var renderer = new MessageRenderer(MessageTemplates.WithOverrides(new Dictionary<string, string>
        {
            ["nl\\reminder.friendly.sms.liquid"] = "Hoi {{ debtor.salutation_name }}, {% include 'nl/_numbers' %}: {{ total_due | money }}. {{ debtor_page_link }}",
        }));

        var sms = renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Sms, "nl", SampleMessages.Reminder());
        var email = renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Email, "nl", SampleMessages.Reminder());

        Assert.Equal("Hoi Jan de Vries, factuur 2026-0042: € 1.250,00. https://zonnig.example/d/7Hq2", sms.Text);
        Assert.Equal(MessageRenderer.Default.Render(MessageKind.Reminder, Tone.Friendly, Channel.Email, "nl", SampleMessages.Reminder()), email);
    }

    [Fact]
    public void Constructor_TemplateWithSyntaxError_ThrowsNamingTheFile()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new MessageRenderer(MessageTemplates.WithOverrides(new Dictionary<string, string>
        {
            ["nl/reminder.friendly.sms.liquid"] = "Beste {{ debtor.name ",
        })));

        Assert.Contains("nl/reminder.friendly.sms.liquid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmailTemplateWithoutSubject_ThrowsExplainingHowToSetIt()
    {
        var renderer = new MessageRenderer(MessageTemplates.WithOverrides(new Dictionary<string, string>
        {
            ["en/reminder.friendly.email.liquid"] = "Dear {{ debtor.salutation_name }}",
        }));

        var error = Assert.Throws<InvalidOperationException>(() =>
            renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Email, "en", SampleMessages.Reminder()));

        Assert.Contains("capture subject", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TemplateUsingAnUnknownFilter_Throws()
    {
        var renderer = new MessageRenderer(MessageTemplates.WithOverrides(new Dictionary<string, string>
        {
            ["nl/reminder.friendly.sms.liquid"] = "{{ total_due | geld }}",
        }));

        Assert.ThrowsAny<Exception>(() => renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Sms, "nl", SampleMessages.Reminder()));
    }

    [Theory]
    [InlineData("nl/reminder.friendly.email.liquid", MessageKind.Reminder, Tone.Friendly, Channel.Email, "nl")]
    [InlineData("en/final-notice.sms.liquid", MessageKind.FinalNotice, null, Channel.Sms, "en")]
    [InlineData("nl/debt-counselling-referral.email.liquid", MessageKind.DebtCounsellingReferral, null, Channel.Email, "nl")]
    public void FromPath_TemplateFile_GivesItsKey(string path, MessageKind kind, Tone? tone, Channel channel, string language)
    {
        Assert.Equal(new MessageTemplateKey(kind, tone, channel, language), MessageTemplateKey.FromPath(path));
        Assert.Equal(path, new MessageTemplateKey(kind, tone, channel, language).Path);
    }

    [Theory]
    [InlineData("nl/_invoices.liquid")]
    [InlineData("_layout.html.liquid")]
    [InlineData("nl/reminder.shouty.email.liquid")]
    [InlineData("nl/unknown.email.liquid")]
    public void FromPath_PartialOrUnknownName_IsNoMessageTemplate(string path)
    {
        Assert.Null(MessageTemplateKey.FromPath(path));
    }
}
