using System.Text.Json;
using Collections.Invoices;
using Collections.Messages;

namespace Collections.Tests.Messages;

public sealed class MessageNamesTests
{
    [Theory]
    [InlineData(Tone.Friendly, "\"friendly\"")]
    [InlineData(Tone.Businesslike, "\"businesslike\"")]
    [InlineData(Tone.Formal, "\"formal\"")]
    public void Tone_Json_IsLowercase(Tone tone, string json)
    {
        Assert.Equal(json, JsonSerializer.Serialize(tone));
        Assert.Equal(tone, JsonSerializer.Deserialize<Tone>(json));
    }

    [Theory]
    [InlineData(MessageKind.PreDueNudge, "pre-due-nudge")]
    [InlineData(MessageKind.FinalNotice, "final-notice")]
    [InlineData(MessageKind.DebtCounsellingReferral, "debt-counselling-referral")]
    [InlineData(MessageKind.ApprovalRequest, "approval-request")]
    public void MessageKind_JsonAndTemplateName_AreKebabCase(MessageKind kind, string name)
    {
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(kind));
        Assert.Equal(kind, JsonSerializer.Deserialize<MessageKind>($"\"{name}\""));
        Assert.Equal(name, MessageNames.Of(kind));
    }

    [Fact]
    public void Channel_TemplateNames_AreLowercase()
    {
        Assert.Equal("sms", MessageNames.Of(Channel.Sms));
        Assert.Equal("email", MessageNames.Of(Channel.Email));
        Assert.Equal("whatsapp", MessageNames.Of(Channel.WhatsApp));
    }
}
