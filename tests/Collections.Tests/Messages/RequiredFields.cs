using Collections.Contacts;
using Collections.Messages;

namespace Collections.Tests.Messages;

/// <summary>What every written message must show (R9), checked on a rendered message.</summary>
internal static class RequiredFields
{
    /// <summary>Kinds that ask for payment by a new date; the others (nudge, plan, referral) give
    /// the due date or the plan's dates instead.</summary>
    private static readonly MessageKind[] KindsWithNewDeadline =
        [MessageKind.Reminder, MessageKind.FinalNotice, MessageKind.PromiseReminder, MessageKind.InstalmentReminder, MessageKind.PaymentReceived];

    public static void AssertEmailFields(MessageTemplateKey key, ReminderMessageModel model, RenderedMessage message)
    {
        var language = key.Language;
        var text = message.Text;
        var invoice = model.Invoices[0];
        var expected = new List<(string Field, string Value)>
        {
            ("creditor name", model.Creditor.Name),
            ("creditor address", model.Creditor.Address.Street),
            ("billing contact", model.Creditor.BillingContactName),
            ("billing phone", PhoneNumberNormalizer.ForDisplay(model.Creditor.BillingPhone)),
            ("billing email", model.Creditor.BillingEmail),
            ("debtor greeting", model.Debtor.SalutationName),
            ("debtor name", model.Debtor.Name),
            ("debtor email", model.Debtor.Email!),
            ("debtor phone", PhoneNumberNormalizer.ForDisplay(model.Debtor.Phone!)),
            ("debtor address", model.Debtor.Address!.Street),
            ("message date", MessageFormat.LongDate(model.MessageDate, language)),
            ("invoice number", invoice.Number),
            ("invoice date", MessageFormat.LongDate(invoice.IssueDate, language)),
            ("payment term (due date)", MessageFormat.LongDate(invoice.DueDate, language)),
            ("customer reference", invoice.CustomerReference!),
            ("amount due", MessageFormat.Money(model.TotalDue, model.Currency, language)),
            ("payment reference", model.PaymentReference),
            ("payment link", model.PaymentLink.AbsoluteUri),
            ("debtor page link", model.DebtorPageLink.AbsoluteUri),
        };
        if (model.CostsTotal > 0)
        {
            expected.Add(("costs", MessageFormat.Money(model.CostsTotal, model.Currency, language)));
        }

        if (model.InterestTotal > 0)
        {
            expected.Add(("interest", MessageFormat.Money(model.InterestTotal, model.Currency, language)));
        }

        if (KindsWithNewDeadline.Contains(key.Kind))
        {
            expected.Add(("new deadline", MessageFormat.LongDate(model.NewDeadline!.Value, language)));
        }

        foreach (var (field, value) in expected)
        {
            Assert.True(text.Contains(value, StringComparison.Ordinal), $"{key.Path} ({model.Debtor.Kind}) text lacks the {field} '{value}'.");
        }

        Assert.False(string.IsNullOrWhiteSpace(message.Subject), $"{key.Path} has no subject.");
        AssertHtmlCarriesTheEssentials(key, model, message);
    }

    public static void AssertApprovalFields(MessageTemplateKey key, ReminderMessageModel model, RenderedMessage message)
    {
        var approval = model.Approval!;
        foreach (var value in new[]
        {
            model.Debtor.Name, model.Invoices[0].Number, MessageFormat.Money(model.TotalDue, model.Currency, key.Language),
            approval.ApproveLink.AbsoluteUri, approval.RejectLink.AbsoluteUri,
            MessageFormat.LongDate(approval.History[0].Date, key.Language), approval.History[0].Description, model.DebtorPageLink.AbsoluteUri,
        })
        {
            Assert.True(message.Text.Contains(value, StringComparison.Ordinal), $"{key.Path} text lacks '{value}'.");
        }

        Assert.Contains(model.Debtor.Name, message.Subject, StringComparison.Ordinal);
        Assert.Contains($"href=\"{approval.ApproveLink.AbsoluteUri}\"", message.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{approval.RejectLink.AbsoluteUri}\"", message.Html, StringComparison.Ordinal);
    }

    /// <summary>SMS carries the short set; the debtor page it links to carries the rest.</summary>
    public static void AssertSmsFields(MessageTemplateKey key, ReminderMessageModel model, RenderedMessage message)
    {
        var amount = key.Kind switch
        {
            MessageKind.InstalmentReminder => model.PaymentPlan!.MissedTotal,
            MessageKind.PaymentReceived => model.Payment!.Amount,
            MessageKind.FinalNotice when model.FinalNotice!.IsConsumer => model.PrincipalTotal,
            _ => model.TotalDue,
        };
        foreach (var value in new[]
        {
            model.Debtor.SalutationName, model.Invoices[0].Number, MessageFormat.Money(amount, model.Currency, key.Language), model.DebtorPageLink.AbsoluteUri,
        })
        {
            Assert.True(message.Text.Contains(value, StringComparison.Ordinal), $"{key.Path} ({model.Debtor.Kind}) SMS lacks '{value}': {message.Text}");
        }

        Assert.True(message.Text.Length <= 320, $"{key.Path} ({model.Debtor.Kind}) SMS has {message.Text.Length} characters: {message.Text}");
        Assert.True(GsmAlphabet.Fits(message.Text), $"{key.Path} SMS leaves the GSM 7-bit alphabet (costs triple): {message.Text}");
    }

    private static void AssertHtmlCarriesTheEssentials(MessageTemplateKey key, ReminderMessageModel model, RenderedMessage message)
    {
        var html = message.Html!;
        foreach (var value in new[]
        {
            model.Debtor.SalutationName, model.Invoices[0].Number, model.Invoices[0].CustomerReference!, model.PaymentReference,
            MessageFormat.Money(model.TotalDue, model.Currency, key.Language), MessageFormat.LongDate(model.MessageDate, key.Language),
            model.Creditor.BillingEmail, $"href=\"{model.DebtorPageLink.AbsoluteUri}\"",
        })
        {
            Assert.True(html.Contains(value, StringComparison.Ordinal), $"{key.Path} HTML lacks '{value}'.");
        }
    }
}
