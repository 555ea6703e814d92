using System.Globalization;

namespace Collections.Web.Pages;

/// <summary>Amounts, dates and moments as the page's language writes them (the current culture that
/// <see cref="PageResult"/> sets while a page renders).</summary>
internal static class PageFormat
{
    public static string Money(decimal amount, string currency) =>
        currency == "EUR"
            ? "€ " + amount.ToString("N2", CultureInfo.CurrentCulture)
            : $"{currency} {amount.ToString("N2", CultureInfo.CurrentCulture)}";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Moment(DateTimeOffset at) => PageClock.Local(at).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
}
