using System.Globalization;

namespace Collections.Messages;

/// <summary>Amounts and dates as each language writes them: Dutch "€ 1.250,00" and "5 maart 2026",
/// English "€1,250.00" and "5 March 2026". Fixed here rather than taken from the machine's culture
/// data, so a message reads the same on every host.</summary>
public static class MessageFormat
{
    private static readonly NumberFormatInfo DutchNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };
    private static readonly NumberFormatInfo EnglishNumbers = new() { NumberDecimalSeparator = ".", NumberGroupSeparator = "," };

    private static readonly string[] DutchMonths =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Formats an amount with two decimals and the currency's symbol ("€"; other currencies by code).</summary>
    public static string Money(decimal amount, string currency, string language)
    {
        var english = MessageLanguage.Resolve(language) == MessageLanguage.English;
        var symbol = CurrencySymbol(currency);
        var number = Math.Abs(amount).ToString("N2", english ? EnglishNumbers : DutchNumbers);
        var sign = amount < 0 ? "-" : string.Empty;
        var separator = english && symbol.Length == 1 ? string.Empty : " ";
        return english ? $"{sign}{symbol}{separator}{number}" : $"{symbol}{separator}{sign}{number}";
    }

    /// <summary>Formats a date in full: "5 maart 2026" / "5 March 2026".</summary>
    public static string LongDate(DateOnly date, string language)
    {
        var months = MessageLanguage.Resolve(language) == MessageLanguage.English ? EnglishMonths : DutchMonths;
        return string.Create(CultureInfo.InvariantCulture, $"{date.Day} {months[date.Month - 1]} {date.Year}");
    }

    private static string CurrencySymbol(string currency) => currency.ToUpperInvariant() switch
    {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "$",
        var code => code,
    };
}
