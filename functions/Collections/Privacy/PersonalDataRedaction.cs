using System.Text.Json;
using System.Text.Json.Nodes;
using Collections.Activities;
using Collections.Storage;

namespace Collections.Privacy;

/// <summary>
/// What a redaction leaves of each stored record (docs/privacy.md). Pure: the sweep and the erasure
/// compute a <see cref="StoreRedaction"/> with these and the store applies it.
/// </summary>
public static class PersonalDataRedaction
{
    public const string RemovedSummary = "(removed: personal data)";

    /// <summary>Entries that prove what the creditor did: that and when messages (the 14-day letter among them)
    /// were sent or failed, payments, the hand-over and the close. Art. 17(3)(e) GDPR: needed to establish
    /// or defend the legal claim (collection costs require proof of the formal notice, art. 6:96 lid 6 BW).</summary>
    private static readonly HashSet<string> ProofKinds =
    [
        ContactKinds.Message, ContactKinds.DeliveryFailed, ContactKinds.Payment, ContactKinds.HandedOver, ContactKinds.Completed,
        PrivacyContactKinds.NotesPurged, PrivacyContactKinds.PersonalDataPurged,
    ];

    /// <summary>Summaries built only from message kinds, channels, amounts and statuses, never from what the debtor or staff wrote.</summary>
    private static readonly HashSet<string> NeutralSummaryKinds =
    [
        ContactKinds.Message, ContactKinds.Payment, ContactKinds.HandedOver, ContactKinds.Completed,
        PrivacyContactKinds.NotesPurged, PrivacyContactKinds.PersonalDataPurged,
    ];

    /// <summary>Free text written by staff or the debtor: call notes, dispute and hardship reasons, pause reasons, and what the
    /// debtor wrote to us (it is where a debtor tells of hardship unasked).</summary>
    private static readonly HashSet<string> NoteKinds =
    [
        ContactKinds.CallOutcome, ContactKinds.Note, ContactKinds.StaffTask, ContactKinds.DisputeOpened,
        ContactKinds.DisputeResolved, ContactKinds.ChasingPaused, ContactKinds.ChasingResumed, ContactKinds.DebtorWrote,
    ];

    /// <summary>Details of a proof entry that are amounts, dates and ids; recipients, subjects and texts go.</summary>
    private static readonly HashSet<string> ProofDetails =
    [
        "kind", "balance", "costs", "interest", "announcedCosts", "deadline", "invoiceNumbers", "policyVersion",
        "status", "amount", "currency", "paymentId", "paidAt", "agency", "result",
    ];

    /// <summary>The invoice without the debtor's name, contact details, payment record and the customer reference.
    /// The debtor id stays: it is the creditor's own customer number, which identifies no more than the invoice
    /// number the creditor keeps for the tax authority anyway (AWR art. 52).</summary>
    public static InvoiceRecord Invoice(InvoiceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var invoice = record.Invoice;
        return record with
        {
            Invoice = invoice with
            {
                Debtor = invoice.Debtor with { Name = RemovedSummary, Email = null, Phone = null, History = null },
                CustomerReference = null,
            },
            Paused = record.Paused is null ? null : record.Paused with { By = null, Reason = null },
        };
    }

    /// <summary>The entry as it stays after the redaction, or null when it goes altogether.</summary>
    public static ContactLogEntry? Contact(ContactLogEntry entry, RedactionLevel level)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (level == RedactionLevel.Notes)
        {
            return NoteKinds.Contains(entry.Kind) ? entry with { Summary = RemovedSummary, Text = null, DataJson = null } : entry;
        }

        if (!ProofKinds.Contains(entry.Kind))
        {
            return null;
        }

        return entry with
        {
            Summary = NeutralSummaryKinds.Contains(entry.Kind) ? entry.Summary : RemovedSummary,
            Text = null,
            DataJson = ProofOnly(entry.DataJson),
        };
    }

    /// <summary>A finished call task keeps when and why it was raised; the outcome (notes, reasons) goes.</summary>
    public static CallTaskRecord CallTask(CallTaskRecord task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task with { Outcome = null };
    }

    private static string? ProofOnly(string? dataJson)
    {
        if (dataJson is null || JsonNode.Parse(dataJson) is not JsonObject details)
        {
            return null;
        }

        var kept = new JsonObject();
        foreach (var (name, value) in details)
        {
            if (ProofDetails.Contains(name))
            {
                kept[name] = value?.DeepClone();
            }
        }

        return kept.Count == 0 ? null : kept.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
