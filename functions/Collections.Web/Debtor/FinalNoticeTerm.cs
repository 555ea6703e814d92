using System.Globalization;
using System.Text.Json;
using Collections.Activities;
using Collections.Messages;
using Collections.Storage;

namespace Collections.Web.DebtorPages;

/// <summary>The latest final notice as the contact log holds it: when it was sent, its last day to pay, and the costs and
/// interest it stated. A consumer's notice announces the costs, due only once its 14-day term has passed (art. 6:96 lid 6 BW);
/// a business notice charges the fixed compensation and commercial interest at once (art. 6:96 lid 4, 6:119a BW; LAW.md).</summary>
/// <param name="CostsAnnounced">A consumer's notice: the costs are due after <see cref="Deadline"/>, not before.</param>
public sealed record FinalNoticeTerm(DateOnly SentOn, DateOnly Deadline, decimal Costs, decimal Interest, bool CostsAnnounced)
{
    private static readonly string FinalNotice = MessageNames.Of(MessageKind.FinalNotice);

    public decimal Total => Costs + Interest;

    /// <summary>Null while no final notice with a deadline was sent.</summary>
    public static FinalNoticeTerm? Latest(IReadOnlyList<ContactLogEntry> history)
    {
        var notice = history.Where(entry => entry.Kind == ContactKinds.Message && entry.DataJson is not null)
            .OrderBy(entry => entry.At)
            .LastOrDefault(entry => Read(entry.DataJson!, "kind") is { ValueKind: JsonValueKind.String } kind && kind.GetString() == FinalNotice);
        if (notice is null
            || Read(notice.DataJson!, "deadline") is not { ValueKind: JsonValueKind.String } deadlineText
            || !DateOnly.TryParseExact(deadlineText.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
        {
            return null;
        }

        var announced = Amount(notice.DataJson!, "announcedCosts");
        var costs = announced ?? Amount(notice.DataJson!, "costs") ?? 0m;
        var interest = Amount(notice.DataJson!, "interest") ?? 0m;
        return new FinalNoticeTerm(DateOnly.FromDateTime(Pages.PageClock.Local(notice.At)), deadline, costs, interest, CostsAnnounced: announced is not null);
    }

    private static decimal? Amount(string json, string property) =>
        Read(json, property) is { ValueKind: JsonValueKind.Number } value ? value.GetDecimal() : null;

    private static JsonElement? Read(string json, string property)
    {
        using var data = JsonDocument.Parse(json);
        return data.RootElement.TryGetProperty(property, out var value) ? value.Clone() : null;
    }
}
