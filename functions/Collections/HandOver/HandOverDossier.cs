using System.Text.Json;
using Collections.Activities;
using Collections.Invoices;
using Collections.Json;
using Collections.Messages;
using Collections.Storage;

namespace Collections.HandOver;

/// <summary>The claim as the agency receives it: who owes whom what, what the final notice stated, and every
/// contact-log line as it was recorded. The PDF (<see cref="DossierPdf"/>) and the JSON are two views of this.</summary>
public sealed record HandOverDossier(
    string Agency,
    DateOnly HandedOverOn,
    CreditorProfile Creditor,
    Debtor Debtor,
    Invoice Invoice,
    DossierAmounts Amounts,
    DossierFinalNotice? FinalNotice,
    IReadOnlyList<DossierContact> Contacts)
{
    /// <summary>Amounts as the final notice stated them; without a logged final notice, as claimed today.</summary>
    public static HandOverDossier From(string agency, DateOnly today, CreditorProfile creditor, Invoice invoice, decimal balance, ClaimAmounts claimToday, IReadOnlyList<ContactLogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(claimToday);
        ArgumentNullException.ThrowIfNull(log);
        var notice = log.LastOrDefault(entry => entry.Kind == ContactKinds.Message && Data(entry, "kind") == MessageNames.Of(MessageKind.FinalNotice));
        DossierFinalNotice? finalNotice = null;
        var principal = Math.Max(balance, 0);
        var costs = claimToday.Costs;
        var interest = claimToday.Interest;
        if (notice is not null)
        {
            // A consumer notice announces the costs (due only after its term); a business notice charges them.
            costs = Number(notice, "announcedCosts") ?? Number(notice, "costs") ?? costs;
            interest = Number(notice, "interest") ?? interest;
            principal = Number(notice, "balance") ?? principal;
            finalNotice = new DossierFinalNotice(
                DateOnly.FromDateTime(notice.At.DateTime),
                Data(notice, "deadline") is { } deadline ? DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture) : null,
                notice.Channel is { } channel ? MessageNames.Of(channel) : null,
                Data(notice, "to"));
        }

        return new HandOverDossier(
            agency,
            today,
            creditor,
            invoice.Debtor,
            invoice,
            new DossierAmounts(invoice.Amount, invoice.Amount - principal, principal, costs, interest, principal + costs + interest, invoice.Currency),
            finalNotice,
            [.. log.OrderBy(entry => entry.At).Select(entry => new DossierContact(entry.At, entry.Kind, entry.Channel is { } c ? MessageNames.Of(c) : null, entry.Summary))]);
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, CollectionsJson.Options);

    private static string? Data(ContactLogEntry entry, string name)
    {
        if (entry.DataJson is null)
        {
            return null;
        }

        using var data = JsonDocument.Parse(entry.DataJson);
        return data.RootElement.TryGetProperty(name, out var value) ? value.ToString() : null;
    }

    private static decimal? Number(ContactLogEntry entry, string name) =>
        Data(entry, name) is { } text ? decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <param name="Paid">Paid (or credited) against the invoice before the hand-over.</param>
/// <param name="Principal">The open principal.</param>
public sealed record DossierAmounts(decimal InvoiceAmount, decimal Paid, decimal Principal, decimal Costs, decimal Interest, decimal Total, string Currency);

public sealed record DossierFinalNotice(DateOnly SentOn, DateOnly? Deadline, string? Channel, string? SentTo);

public sealed record DossierContact(DateTimeOffset At, string Kind, string? Channel, string Summary);
