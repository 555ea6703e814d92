using Collections.Invoices;

namespace Collections.Messages;

/// <summary>Identifies one template file: <c>{language}/{kind}.{tone}.{channel}.liquid</c>, or
/// <c>{language}/{kind}.{channel}.liquid</c> for kinds that speak with one voice whatever the tone
/// (<see cref="Tone"/> is then null).</summary>
public sealed record MessageTemplateKey(MessageKind Kind, Tone? Tone, Channel Channel, string Language)
{
    public string Path => Tone is { } tone
        ? $"{Language}/{MessageNames.Of(Kind)}.{MessageNames.Of(tone)}.{MessageNames.Of(Channel)}.liquid"
        : $"{Language}/{MessageNames.Of(Kind)}.{MessageNames.Of(Channel)}.liquid";

    /// <summary>Reads a key from a template path; null for partials (<c>_name.liquid</c>) and unknown names.</summary>
    public static MessageTemplateKey? FromPath(string path)
    {
        var parts = MessageTemplates.NormalisePath(path).Split('/');
        if (parts.Length != 2 || parts[1].StartsWith('_') || !parts[1].EndsWith(".liquid", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = parts[1][..^".liquid".Length].Split('.');
        if (segments.Length is < 2 or > 3)
        {
            return null;
        }

        var kind = ByName<MessageKind>(segments[0], MessageNames.Of);
        var channel = ByName<Channel>(segments[^1], MessageNames.Of);
        var tone = segments.Length == 3 ? ByName<Tone>(segments[1], MessageNames.Of) : null;
        var valid = kind is not null && channel is not null && (segments.Length == 2 || tone is not null);
        return valid ? new MessageTemplateKey(kind!.Value, tone, channel!.Value, parts[0]) : null;
    }

    private static TEnum? ByName<TEnum>(string name, Func<TEnum, string> nameOf)
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (nameOf(value) == name)
            {
                return value;
            }
        }

        return null;
    }
}
