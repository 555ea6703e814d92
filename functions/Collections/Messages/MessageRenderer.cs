using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Collections.Invoices;
using Fluid;
using Fluid.Values;

namespace Collections.Messages;

/// <summary>Renders a message from its Liquid template. Thread-safe: templates are parsed once, when
/// the renderer is built, and every render uses its own context.</summary>
public sealed class MessageRenderer
{
    private const string SubjectVariable = "subject";
    private const string HtmlLayout = "_layout.html.liquid";

    /// <summary>Escapes what HTML needs escaped but keeps letters such as "ë" and "€" readable.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly FluidParser Parser = new();

    /// <summary>The types templates may read; anything else stays invisible to a template.</summary>
    private static readonly Type[] ModelTypes =
    [
        typeof(ReminderMessageModel), typeof(CreditorProfile), typeof(PostalAddress), typeof(DebtorContact),
        typeof(InvoiceLine), typeof(EarlierContact), typeof(PromiseDetails), typeof(PaymentPlanDetails),
        typeof(Instalment), typeof(ReceivedPayment), typeof(DebtHelp), typeof(FinalNoticeTerms),
        typeof(ApprovalRequestDetails), typeof(HistoryEntry),
    ];

    private static readonly Lazy<MessageRenderer> ShippedRenderer = new(() => new MessageRenderer(MessageTemplates.Embedded));

    private readonly TemplateOptions options;
    private readonly FrozenDictionary<string, IFluidTemplate> templates;

    /// <param name="templates">Template texts by path, e.g. <see cref="MessageTemplates.Embedded"/> or
    /// <see cref="MessageTemplates.WithOverrides"/>. Every template is parsed here; a syntax error
    /// throws, naming the file.</param>
    public MessageRenderer(IReadOnlyDictionary<string, string> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var texts = templates.ToFrozenDictionary(pair => MessageTemplates.NormalisePath(pair.Key), pair => pair.Value, StringComparer.Ordinal);
        options = CreateOptions(texts);
        this.templates = texts.ToFrozenDictionary(pair => pair.Key, pair => Parse(pair.Key, pair.Value), StringComparer.Ordinal);
        Available = [.. this.templates.Keys.Select(MessageTemplateKey.FromPath).OfType<MessageTemplateKey>()];
    }

    /// <summary>The renderer over the templates shipped with Collections.</summary>
    public static MessageRenderer Default => ShippedRenderer.Value;

    /// <summary>Every message template in the set (partials and layouts excluded).</summary>
    public IReadOnlyList<MessageTemplateKey> Available { get; }

    /// <summary>Renders one message. <paramref name="language"/> is resolved with
    /// <see cref="MessageLanguage.Resolve"/> (unknown languages fall back to Dutch). Kinds that speak
    /// with one voice (e.g. <see cref="MessageKind.FinalNotice"/>) have a template without a tone that
    /// serves every tone.</summary>
    /// <exception cref="ArgumentException">The model lacks a field this kind needs (the message names it).</exception>
    /// <exception cref="MessageTemplateNotFoundException">No template exists for the combination.</exception>
    public RenderedMessage Render(MessageKind kind, Tone tone, Channel channel, string? language, ReminderMessageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var resolved = MessageLanguage.Resolve(language);
        MessageModelValidator.Validate(kind, model);
        var template = Find(kind, tone, channel, resolved);

        if (channel == Channel.Sms)
        {
            return new RenderedMessage(null, RenderText(template, model, resolved, out _), null);
        }

        var text = RenderText(template, model, resolved, out var subject);
        if (string.IsNullOrWhiteSpace(subject))
        {
            throw new InvalidOperationException(
                $"The email template for {Describe(kind, tone, channel, resolved)} sets no subject: start it with {{% capture subject %}}...{{% endcapture %}}.");
        }

        return new RenderedMessage(subject, text, RenderHtml(template, model, resolved, subject));
    }

    private IFluidTemplate Find(MessageKind kind, Tone tone, Channel channel, string language)
    {
        var withTone = new MessageTemplateKey(kind, tone, channel, language).Path;
        var anyTone = new MessageTemplateKey(kind, null, channel, language).Path;
        if (templates.TryGetValue(withTone, out var template) || templates.TryGetValue(anyTone, out template))
        {
            return template;
        }

        throw new MessageTemplateNotFoundException(
            $"No message template for {Describe(kind, tone, channel, language)}: looked for '{withTone}' and '{anyTone}'.");
    }

    private string RenderText(IFluidTemplate template, ReminderMessageModel model, string language, out string? subject)
    {
        string? captured = null;
        var context = CreateContext(model, language, html: false);
        context.Captured = (name, value, _) =>
        {
            if (name == SubjectVariable)
            {
                captured = MessageText.SingleLine(value.ToStringValue());
            }

            return new ValueTask<FluidValue>(value);
        };
        var text = MessageText.Tidy(template.Render(context, NullEncoder.Default));
        subject = captured;
        return text;
    }

    private string RenderHtml(IFluidTemplate template, ReminderMessageModel model, string language, string subject)
    {
        var body = MessageText.ToHtmlParagraphs(template.Render(CreateContext(model, language, html: true), Html));
        if (!templates.TryGetValue($"{language}/{HtmlLayout}", out var layout) && !templates.TryGetValue(HtmlLayout, out layout))
        {
            throw new MessageTemplateNotFoundException($"No HTML layout: looked for '{language}/{HtmlLayout}' and '{HtmlLayout}'.");
        }

        var context = CreateContext(model, language, html: true);
        context.SetValue("body", new StringValue(body, encode: false));
        context.SetValue(SubjectVariable, subject);
        return layout.Render(context, Html);
    }

    private TemplateContext CreateContext(ReminderMessageModel model, string language, bool html)
    {
        var context = new TemplateContext(model, options, allowModelMembers: true);
        context.AmbientValues[LiquidFilters.LanguageKey] = language;
        context.AmbientValues[LiquidFilters.CurrencyKey] = model.Currency;
        context.SetValue("html", html);
        context.SetValue("language", language);
        return context;
    }

    private static TemplateOptions CreateOptions(IReadOnlyDictionary<string, string> templates)
    {
        var options = new TemplateOptions
        {
            FileProvider = new TemplateFileProvider(templates),
            StrictFilters = true,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in ModelTypes)
        {
            options.MemberAccessStrategy.Register(type);
        }

        options.ValueConverters.Add(value => value switch
        {
            DateOnly date => new DateTimeValue(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
            Uri uri => uri.AbsoluteUri,
            Enum member => member.ToString().ToLowerInvariant(),
            _ => null,
        });
        LiquidFilters.Register(options);
        return options;
    }

    private static IFluidTemplate Parse(string path, string text) =>
        Parser.TryParse(text, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Message template '{path}' does not parse: {error}");

    private static string Describe(MessageKind kind, Tone tone, Channel channel, string language) =>
        $"kind '{MessageNames.Of(kind)}', tone '{MessageNames.Of(tone)}', channel '{MessageNames.Of(channel)}', language '{language}'";
}
