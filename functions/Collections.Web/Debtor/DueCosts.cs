using System.Globalization;
using System.Text.Json;
using Collections.Activities;
using Collections.Messages;
using Collections.Storage;

namespace Collections.Web.DebtorPages;

/// <summary>The collection costs and interest the debtor owes besides the invoice: only once the final notice's
/// term has passed, and exactly the amounts that notice stated (art. 6:96 BW, see LAW.md: costs may be claimed only after the
/// 14-day notice, at the amount announced in it).</summary>
public sealed record DueCosts(DateOnly Since, decimal Costs, decimal Interest)
{
    private static readonly string FinalNotice = MessageNames.Of(MessageKind.FinalNotice);

    public decimal Total => Costs + Interest;

    /// <summary>Null while no final notice was sent, its last day to pay has not passed, or it stated no costs.</summary>
    public static DueCosts? From(IReadOnlyList<ContactLogEntry> history, DateOnly today)
    {
        var notice = history.Where(entry => entry.Kind == ContactKinds.Message && entry.DataJson is not null)
            .OrderBy(entry => entry.At)
            .LastOrDefault(entry => Read(entry.DataJson!, "kind") is { ValueKind: JsonValueKind.String } kind && kind.GetString() == FinalNotice);
        if (notice is null
            || Read(notice.DataJson!, "deadline") is not { ValueKind: JsonValueKind.String } deadlineText
            || !DateOnly.TryParseExact(deadlineText.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline)
            || today <= deadline)
        {
            return null;
        }

        // A consumer's notice announces the costs (announcedCosts); a business notice states them as costs.
        var costs = Amount(notice.DataJson!, "announcedCosts") ?? Amount(notice.DataJson!, "costs") ?? 0m;
        var interest = Amount(notice.DataJson!, "interest") ?? 0m;
        return costs + interest > 0 ? new DueCosts(deadline.AddDays(1), costs, interest) : null;
    }

    private static decimal? Amount(string json, string property) =>
        Read(json, property) is { ValueKind: JsonValueKind.Number } value ? value.GetDecimal() : null;

    private static JsonElement? Read(string json, string property)
    {
        using var data = JsonDocument.Parse(json);
        return data.RootElement.TryGetProperty(property, out var value) ? value.Clone() : null;
    }
}
