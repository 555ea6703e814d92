using Fluid;
using Fluid.Values;
using Collections.Contacts;

namespace Collections.Messages;

/// <summary>The custom Liquid filters templates use: <c>{{ amount | money }}</c> and
/// <c>{{ date | long_date }}</c>, in the language being rendered (<see cref="MessageFormat"/>), and
/// <c>{{ number | phone }}</c>, a stored E.164 number as people write it (<see cref="PhoneNumberNormalizer.ForDisplay"/>).</summary>
internal static class LiquidFilters
{
    internal const string LanguageKey = "language";
    internal const string CurrencyKey = "currency";

    public static void Register(TemplateOptions options)
    {
        options.Filters.AddFilter("money", Money);
        options.Filters.AddFilter("long_date", LongDate);
        options.Filters.AddFilter("phone", Phone);
    }

    private static ValueTask<FluidValue> Phone(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        input.IsNil() ? NilValue.Instance : new StringValue(PhoneNumberNormalizer.ForDisplay(input.ToStringValue()));

    private static ValueTask<FluidValue> Money(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new StringValue(MessageFormat.Money(input.ToNumberValue(), Ambient(context, CurrencyKey), Ambient(context, LanguageKey)));

    private static ValueTask<FluidValue> LongDate(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil())
        {
            return NilValue.Instance;
        }

        if (!input.TryGetDateTimeInput(context, out var value))
        {
            throw new InvalidOperationException($"long_date expects a date, got '{input.ToStringValue()}'.");
        }

        return new StringValue(MessageFormat.LongDate(DateOnly.FromDateTime(value.DateTime), Ambient(context, LanguageKey)));
    }

    private static string Ambient(TemplateContext context, string key) =>
        context.AmbientValues.TryGetValue(key, out var value) && value is string text ? text : string.Empty;
}
