using System.Reflection;
using System.Text.Json.Serialization;
using Collections.Invoices;

namespace Collections.Messages;

/// <summary>The lowercase, kebab-case names of kinds, tones and channels, as they appear in JSON
/// and in template file names (e.g. <c>final-notice</c>, <c>businesslike</c>, <c>sms</c>).</summary>
public static class MessageNames
{
    public static string Of(MessageKind kind) => MemberName(kind);

    public static string Of(Tone tone) => MemberName(tone);

    public static string Of(Channel channel) => channel switch
    {
        Channel.Sms => "sms",
        Channel.Email => "email",
        Channel.WhatsApp => "whatsapp",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };

    private static string MemberName<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var field = typeof(TEnum).GetField(value.ToString())
            ?? throw new ArgumentOutOfRangeException(nameof(value), value, $"Unknown {typeof(TEnum).Name}.");
        return field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString().ToLowerInvariant();
    }
}
