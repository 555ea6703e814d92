using System.Globalization;
using Collections.Handlers;
using Collections.Handlers.Calls;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary>The call-outcome form as posted: read into the same <see cref="CallOutcomeRequest"/> the API
/// takes, keeping the typed values so a form with errors comes back filled in.</summary>
public sealed record CallOutcomeForm(
    string? Outcome,
    string PromisedDate,
    IReadOnlyList<(string Date, string Amount)> Instalments,
    string Reason,
    string CallbackAt,
    string Note)
{
    public const int MinimumInstalmentRows = 3;

    public static CallOutcomeForm Empty { get; } = new(null, string.Empty, [], string.Empty, string.Empty, string.Empty);

    public static CallOutcomeForm Read(IFormCollection form)
    {
        var dates = form["instalmentDate"];
        var amounts = form["instalmentAmount"];
        var rows = Enumerable.Range(0, Math.Max(dates.Count, amounts.Count))
            .Select(index => (Date: index < dates.Count ? dates[index] ?? string.Empty : string.Empty, Amount: index < amounts.Count ? amounts[index] ?? string.Empty : string.Empty))
            .Where(row => row.Date.Length > 0 || row.Amount.Length > 0)
            .ToList();
        return new CallOutcomeForm(
            form["outcome"].ToString() is { Length: > 0 } outcome ? outcome : null,
            form["promisedDate"].ToString().Trim(),
            rows,
            form["reason"].ToString().Trim(),
            form["callbackAt"].ToString().Trim(),
            form["note"].ToString().Trim());
    }

    /// <summary>The request for the handler; fields that cannot be read are reported by the handler's field names.</summary>
    public CallOutcomeRequest ToRequest(string? recordedBy, FieldErrors errors)
    {
        var request = new CallOutcomeRequest(Outcome, Note: Note.Length > 0 ? Note : null, RecordedBy: recordedBy);
        switch (Outcome)
        {
            case CallOutcomeKinds.PromiseToPay:
                return request with { PromisedDate = Date(PromisedDate, "promisedDate", errors) };
            case CallOutcomeKinds.PaymentPlan:
                return request with
                {
                    Instalments = [.. Instalments.Select((row, index) => new InstalmentRequest(
                        Date(row.Date, $"instalments[{index}].dueDate", errors),
                        Amount(row.Amount, $"instalments[{index}].amount", errors)))],
                };
            case CallOutcomeKinds.Dispute:
                return request with { Reason = Reason.Length > 0 ? Reason : null };
            case CallOutcomeKinds.CallbackRequested:
                return request with { CallbackAt = LocalMoment(CallbackAt, "callbackAt", errors) };
            default:
                return request;
        }
    }

    public static DateOnly? Date(string text, string field, FieldErrors errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "unreadable");
        return null;
    }

    public static decimal? Amount(string text, string field, FieldErrors errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }

        errors.Add(field, "unreadable");
        return null;
    }

    /// <summary>A <c>datetime-local</c> value, read as Dutch local time.</summary>
    public static DateTimeOffset? LocalMoment(string text, string field, FieldErrors errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return PageClock.FromLocal(local);
        }

        errors.Add(field, "unreadable");
        return null;
    }
}
