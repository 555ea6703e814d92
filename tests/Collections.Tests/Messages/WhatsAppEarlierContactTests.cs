using Collections.Invoices;
using Collections.Messages;

namespace Collections.Tests.Messages;

/// <summary>A message that refers to an earlier WhatsApp message says it was a WhatsApp message, not an email.</summary>
public sealed class WhatsAppEarlierContactTests
{
    [Theory]
    [InlineData("nl", "Op 5 maart 2026 stuurden wij u een WhatsApp-bericht over deze factuur.")]
    [InlineData("en", "On 5 March 2026 we sent you a WhatsApp message about this invoice.")]
    public void Render_OneEarlierWhatsAppMessage_NamesWhatsApp(string language, string sentence)
    {
        var model = SampleMessages.Reminder() with { EarlierContacts = [new(SampleMessages.EarlierEmail, EarlierContactKind.WhatsApp)] };

        var message = MessageRenderer.Default.Render(MessageKind.Reminder, Tone.Businesslike, Channel.Email, language, model);

        Assert.Contains(sentence, message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "op 5 maart 2026 per WhatsApp en op 10 maart 2026 telefonisch.")]
    [InlineData("en", "on 5 March 2026 by WhatsApp and on 10 March 2026 by phone.")]
    public void Render_EarlierWhatsAppAndCall_ListsBoth(string language, string fragment)
    {
        var model = SampleMessages.Reminder() with
        {
            EarlierContacts = [new(SampleMessages.EarlierEmail, EarlierContactKind.WhatsApp), new(SampleMessages.EarlierCall, EarlierContactKind.Call)],
        };

        var message = MessageRenderer.Default.Render(MessageKind.Reminder, Tone.Businesslike, Channel.Email, language, model);

        Assert.Contains(fragment, message.Text, StringComparison.Ordinal);
    }
}
