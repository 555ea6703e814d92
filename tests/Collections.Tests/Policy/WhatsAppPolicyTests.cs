using Collections.Messages;
using Collections.Policy;

namespace Collections.Tests.Policy;

public sealed class WhatsAppPolicyTests
{
    [Fact]
    public void Defaults_EveryTemplateFillsAllItsPlaceholders_AndNoneIsNumberedOrThreatens()
    {
        var templates = new WhatsAppPolicy().Templates;

        Assert.Empty(PolicyDocument.Problems(new CollectionsPolicy()));
        Assert.All(templates, template =>
        {
            var text = WhatsAppPolicy.Fill(template.Body, [.. template.Parameters.Select(parameter => $"<{parameter}>")]);
            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
            Assert.All(template.Parameters, parameter => Assert.Contains($"<{parameter}>", text, StringComparison.Ordinal));
            // R4 and R5: no numbered reminders, no costs or hand-over outside the final notice.
            Assert.DoesNotMatch(@"(?i)\b(tweede|derde|second|third|herinnering \d|reminder \d|incasso|collection agency|kosten|costs)\b", text);
        });
        Assert.Equal(["en", "nl"], templates.Select(template => template.Language).Distinct().Order());
    }

    [Fact]
    public void TemplateFor_KindWithoutTemplate_IsNull_SoItGoesBySms()
    {
        var policy = new WhatsAppPolicy();

        Assert.Equal("collections_reminder_businesslike", policy.TemplateFor(MessageKind.Reminder, Tone.Businesslike, "nl")?.Name);
        Assert.Null(policy.TemplateFor(MessageKind.DebtCounsellingReferral, Tone.Friendly, "nl"));
        Assert.Null(policy.TemplateFor(MessageKind.FinalNotice, Tone.Formal, "nl"));
    }

    [Fact]
    public void Parse_TemplateWithMissingParameters_OrForTheFinalNotice_NamesTheField()
    {
        var error = Assert.Throws<PolicyException>(() => PolicyDocument.Parse("""
            { "whatsApp": { "templates": [
              { "kind": "reminder", "tone": "friendly", "name": "r", "language": "nl", "body": "Beste {{1}}, factuur {{2}}", "parameters": ["debtor-name"] },
              { "kind": "final-notice", "name": "f", "language": "nl", "body": "Beste {{1}}", "parameters": ["debtor-name"] } ] } }
            """));

        Assert.Contains("whatsApp.templates[0].parameters", error.Message, StringComparison.Ordinal);
        Assert.Contains("whatsApp.templates[1]: a final-notice is never sent by WhatsApp", error.Message, StringComparison.Ordinal);
    }
}
