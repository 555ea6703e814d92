using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Collections.Messages;

namespace Collections.Policy;

/// <summary>WhatsApp lets a business start a conversation only with a template Meta has approved
/// (developers.facebook.com/docs/whatsapp/message-templates); free text only within 24 hours after the
/// debtor last wrote to us. Each message kind that may go by WhatsApp names its approved template here;
/// a kind (or language) without one goes by SMS instead.</summary>
public sealed partial record WhatsAppPolicy
{
    /// <summary>After the debtor's last WhatsApp message, free text may be sent this long (WhatsApp's customer service window).</summary>
    public TimeSpan FreeTextWindow { get; init; } = TimeSpan.FromHours(24);

    public IReadOnlyList<WhatsAppTemplatePolicy> Templates { get; init; } = WhatsAppDefaultTemplates.All;

    public WhatsAppTemplatePolicy? TemplateFor(MessageKind kind, Tone tone, string language) =>
        Templates.FirstOrDefault(template => template.Kind == kind && (template.Tone is null || template.Tone == tone)
            && string.Equals(template.Language, language, StringComparison.OrdinalIgnoreCase));

    /// <summary>The <c>{{n}}</c> placeholders of a template body, in order.</summary>
    public static IReadOnlyList<int> Placeholders(string body) =>
        [.. Placeholder().Matches(body ?? string.Empty).Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The body as the debtor reads it: each <c>{{n}}</c> replaced by the n-th value.</summary>
    public static string Fill(string body, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(body, match => values[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1]);
    }

    [GeneratedRegex(@"\{\{(\d+)\}\}")]
    private static partial Regex Placeholder();
}

/// <summary>One approved WhatsApp template. <see cref="Body"/> is the text exactly as approved, so the contact
/// log shows what the debtor read; <see cref="Parameters"/> fill its <c>{{1}}</c>, <c>{{2}}</c>, … in order.</summary>
/// <param name="Tone">Null: the template serves every tone of the kind.</param>
/// <param name="Language">The debtor language it is approved in (<c>nl</c>, <c>en</c>).</param>
public sealed record WhatsAppTemplatePolicy(
    MessageKind Kind,
    Tone? Tone,
    string Name,
    string Language,
    string Body,
    IReadOnlyList<WhatsAppParameter> Parameters);

/// <summary>What a template parameter is filled with (the R9 facts a short message can carry; the debtor page has the rest).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WhatsAppParameter>))]
public enum WhatsAppParameter
{
    [JsonStringEnumMemberName("debtor-name")]
    DebtorName,

    [JsonStringEnumMemberName("invoice-numbers")]
    InvoiceNumbers,

    [JsonStringEnumMemberName("total-due")]
    TotalDue,

    [JsonStringEnumMemberName("deadline")]
    Deadline,

    [JsonStringEnumMemberName("payment-reference")]
    PaymentReference,

    [JsonStringEnumMemberName("payment-link")]
    PaymentLink,

    [JsonStringEnumMemberName("debtor-page-link")]
    DebtorPageLink,

    [JsonStringEnumMemberName("creditor-name")]
    CreditorName,

    [JsonStringEnumMemberName("billing-phone")]
    BillingPhone,
}
