using System.Collections.Concurrent;
using Collections.Invoices;
using Collections.Messages;

namespace Collections.Tests.Messages;

public sealed class MessageRendererTests
{
    private static readonly MessageRenderer Renderer = MessageRenderer.Default;

    public static TheoryData<string> AllTemplates()
    {
        var data = new TheoryData<string>();
        foreach (var key in Renderer.Available.OrderBy(key => key.Path, StringComparer.Ordinal))
        {
            data.Add(key.Path);
        }

        return data;
    }

    [Fact]
    public void Available_EveryKindInBothLanguages_HasEmailAndDebtorFacingKindsHaveSms()
    {
        foreach (var language in MessageLanguage.Supported)
        {
            foreach (var kind in Enum.GetValues<MessageKind>())
            {
                var keys = Renderer.Available.Where(key => key.Kind == kind && key.Language == language).ToList();
                Assert.Contains(keys, key => key.Channel == Channel.Email);
                Assert.Equal(kind != MessageKind.ApprovalRequest, keys.Any(key => key.Channel == Channel.Sms));
            }
        }
    }

    [Fact]
    public void Available_RemindersHaveFriendlyAndBusinesslikeVoice()
    {
        foreach (var kind in new[] { MessageKind.Reminder, MessageKind.PromiseReminder, MessageKind.InstalmentReminder })
        {
            foreach (var tone in new[] { Tone.Friendly, Tone.Businesslike })
            {
                Assert.Equal(4, Renderer.Available.Count(key => key.Kind == kind && key.Tone == tone));
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Render_EveryTemplateForConsumerAndBusiness_CarriesTheRequiredFields(string path)
    {
        var key = MessageTemplateKey.FromPath(path)!;
        foreach (var debtor in new[] { SampleMessages.Consumer, SampleMessages.Business })
        {
            var model = SampleMessages.Complete(key.Kind, debtor);
            var message = Renderer.Render(key.Kind, key.Tone ?? Tone.Formal, key.Channel, key.Language, model);

            if (key.Channel == Channel.Sms)
            {
                RequiredFields.AssertSmsFields(key, model, message);
            }
            else if (key.Kind == MessageKind.ApprovalRequest)
            {
                RequiredFields.AssertApprovalFields(key, model, message);
            }
            else
            {
                RequiredFields.AssertEmailFields(key, model, message);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Render_EveryTemplate_NeverNumbersAReminder(string path)
    {
        var key = MessageTemplateKey.FromPath(path)!;
        foreach (var debtor in new[] { SampleMessages.Consumer, SampleMessages.Business })
        {
            var model = SampleMessages.Complete(key.Kind, debtor) with { EarlierContacts = ThreeEarlierContacts };
            var message = Renderer.Render(key.Kind, key.Tone ?? Tone.Formal, key.Channel, key.Language, model);

            foreach (var text in new[] { message.Subject, message.Text, message.Html })
            {
                Assert.False(NumberingWords.Appear(text), $"{path} numbers a reminder: {NumberingWords.FirstMatch(text)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Render_EveryTemplateButFinalNoticeAndApproval_NeverMentionsCostsOrHandOver(string path)
    {
        var key = MessageTemplateKey.FromPath(path)!;
        if (key.Kind is MessageKind.FinalNotice or MessageKind.ApprovalRequest)
        {
            return;
        }

        var message = Renderer.Render(key.Kind, key.Tone ?? Tone.Friendly, key.Channel, key.Language, SampleMessages.Complete(key.Kind));

        foreach (var word in new[] { "incassokosten", "incassobureau", "uit handen", "collection costs", "collection agency", "hand over", "court", "rechter", "deurwaarder" })
        {
            Assert.DoesNotContain(word, message.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Render_EveryDutchTemplate_AddressesTheReaderAsU(string path)
    {
        var key = MessageTemplateKey.FromPath(path)!;
        if (key.Language != MessageLanguage.Dutch)
        {
            return;
        }

        var message = Renderer.Render(key.Kind, key.Tone ?? Tone.Friendly, key.Channel, key.Language, SampleMessages.Complete(key.Kind));

        foreach (var text in new[] { message.Subject, message.Text })
        {
            Assert.DoesNotMatch(@"(?i)\b(jij|jou|jouw|je|jullie)\b", text ?? string.Empty);
        }
    }

    [Fact]
    public void Render_DutchReminder_WritesAmountsAndDatesTheDutchWay()
    {
        var message = Renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Email, "nl", SampleMessages.Reminder());

        Assert.Contains("€ 1.250,00", message.Text, StringComparison.Ordinal);
        Assert.Contains("€ 1.250,00", message.Html, StringComparison.Ordinal);
        Assert.Contains("7 april 2026", message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void Render_Reminder_WritesPhoneNumbersAsPeopleDo_DutchOnesNationally(string language)
    {
        var model = SampleMessages.Complete(MessageKind.Reminder);
        model = model with { Debtor = model.Debtor with { Phone = "+31612345678" }, Creditor = model.Creditor with { BillingPhone = "+31201234567" } };

        var message = Renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Email, language, model);

        Assert.Contains("06 12345678", message.Text, StringComparison.Ordinal);
        Assert.Contains("020 123 4567", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("+316", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EnglishReminder_WritesAmountsAndDatesTheEnglishWay()
    {
        var message = Renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Email, "en", SampleMessages.Reminder());

        Assert.Contains("€1,250.00", message.Text, StringComparison.Ordinal);
        Assert.Contains("7 April 2026", message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Op 5 maart 2026 stuurden wij u een e-mail over deze factuur.")]
    [InlineData("en", "On 5 March 2026 we sent you an email about this invoice.")]
    public void Render_OneEarlierContact_RefersToItByDate(string language, string sentence)
    {
        var message = Renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Email, language, SampleMessages.Reminder());

        Assert.Contains(sentence, message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Over deze factuur hadden wij eerder contact met u: op 5 maart 2026 per e-mail, op 10 maart 2026 telefonisch en op 12 maart 2026 per sms.")]
    [InlineData("en", "We were in touch with you about this invoice before: on 5 March 2026 by email, on 10 March 2026 by phone and on 12 March 2026 by text message.")]
    public void Render_SeveralEarlierContactsInAnyOrder_ListsThemByDateOldestFirst(string language, string sentence)
    {
        var model = SampleMessages.Reminder() with { EarlierContacts = [.. ThreeEarlierContacts.Reverse()] };

        var message = Renderer.Render(MessageKind.Reminder, Tone.Businesslike, Channel.Email, language, model);

        Assert.Contains(sentence, message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "€ 1.560,50", "facturen 2026-0042 en 2026-0057")]
    [InlineData("en", "€1,560.50", "invoices 2026-0042 and 2026-0057")]
    public void Render_TwoInvoicesOfOneDebtor_ListsEachInvoiceAndTheTotal(string language, string total, string numbers)
    {
        var model = SampleMessages.Reminder(SampleMessages.Consumer, SampleMessages.Invoice, SampleMessages.SecondInvoice);

        var email = Renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Email, language, model);
        var sms = Renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Sms, language, model);

        foreach (var invoice in model.Invoices)
        {
            Assert.Contains(invoice.Number, email.Html, StringComparison.Ordinal);
            Assert.Contains(invoice.CustomerReference!, email.Text, StringComparison.Ordinal);
            Assert.Contains(MessageFormat.Money(invoice.OpenAmount, "EUR", language), email.Text, StringComparison.Ordinal);
            Assert.Contains(MessageFormat.LongDate(invoice.IssueDate, language), email.Text, StringComparison.Ordinal);
        }

        Assert.Contains(total, email.Text, StringComparison.Ordinal);
        Assert.Contains(numbers, email.Subject, StringComparison.Ordinal);
        Assert.Contains(numbers, sms.Text, StringComparison.Ordinal);
        Assert.Contains(total, sms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DebtorNameWithMarkup_IsEscapedInHtmlAndKeptInText()
    {
        var model = SampleMessages.Reminder(SampleMessages.Consumer with { Name = "<script>alert('x')</script> & Zn" });

        var message = Renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Email, "nl", model);

        Assert.DoesNotContain("<script>", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", message.Html, StringComparison.Ordinal);
        Assert.Contains("&amp; Zn", message.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script> & Zn", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Email_IsACompleteAccessibleHtmlDocument()
    {
        var message = Renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Email, "en", SampleMessages.Reminder());

        Assert.StartsWith("<!DOCTYPE html>", message.Html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", message.Html, StringComparison.Ordinal);
        Assert.Contains($"<title>{message.Subject}</title>", message.Html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\"", message.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://pay.example/p/abc123?lang=nl&amp;x=1\"", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Sms_HasNoSubjectOrHtml()
    {
        var message = Renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Sms, "nl", SampleMessages.Reminder());

        Assert.Null(message.Subject);
        Assert.Null(message.Html);
    }

    [Theory]
    [InlineData("de", "Beste")]
    [InlineData(null, "Beste")]
    [InlineData("NL-nl", "Beste")]
    [InlineData("en-GB", "Dear")]
    public void Render_Language_ResolvesAndFallsBackToDutch(string? language, string greeting)
    {
        var message = Renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Sms, language, SampleMessages.Reminder());

        Assert.StartsWith(greeting, message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SingleVoiceKind_ServesEveryTone()
    {
        var friendly = Renderer.Render(MessageKind.PaymentReceived, Tone.Friendly, Channel.Email, "nl", SampleMessages.Complete(MessageKind.PaymentReceived));
        var formal = Renderer.Render(MessageKind.PaymentReceived, Tone.Formal, Channel.Email, "nl", SampleMessages.Complete(MessageKind.PaymentReceived));

        Assert.Equal(friendly, formal);
    }

    [Fact]
    public void Render_CombinationWithoutTemplate_ThrowsNamingTheCombination()
    {
        var error = Assert.Throws<MessageTemplateNotFoundException>(() =>
            Renderer.Render(MessageKind.ApprovalRequest, Tone.Friendly, Channel.Sms, "en", SampleMessages.Complete(MessageKind.ApprovalRequest)));

        Assert.Contains("kind 'approval-request', tone 'friendly', channel 'sms', language 'en'", error.Message, StringComparison.Ordinal);
        Assert.Contains("en/approval-request.friendly.sms.liquid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FormalReminder_IsNotATemplateBecauseFormalMeansTheFinalNotice()
    {
        Assert.Throws<MessageTemplateNotFoundException>(() =>
            Renderer.Render(MessageKind.Reminder, Tone.Formal, Channel.Email, "nl", SampleMessages.Reminder()));
    }

    [Fact]
    public void Render_ReminderWithoutDeadline_ThrowsNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Email, "nl", SampleMessages.Reminder() with { NewDeadline = null }));

        Assert.Equal("NewDeadline", error.ParamName);
    }

    [Fact]
    public void Render_PromiseReminderWithoutPromise_ThrowsNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Renderer.Render(MessageKind.PromiseReminder, Tone.Friendly, Channel.Sms, "nl", SampleMessages.Reminder()));

        Assert.Equal("Promise", error.ParamName);
    }

    [Fact]
    public void Render_NoInvoices_ThrowsNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Renderer.Render(MessageKind.Reminder, Tone.Friendly, Channel.Sms, "nl", SampleMessages.Reminder() with { Invoices = [] }));

        Assert.Equal("Invoices", error.ParamName);
    }

    [Fact]
    public void Render_ManyThreadsAtOnce_EachMessageCarriesItsOwnDebtor()
    {
        var failures = new ConcurrentBag<string>();

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, index =>
        {
            var name = $"Debiteur {index:D3}";
            var channel = index % 2 == 0 ? Channel.Email : Channel.Sms;
            var message = Renderer.Render(MessageKind.Reminder, Tone.Friendly, channel, index % 3 == 0 ? "en" : "nl", SampleMessages.Reminder(SampleMessages.Consumer with { Name = name }));
            if (!message.Text.Contains(name, StringComparison.Ordinal) || (message.Html is { } html && !html.Contains(name, StringComparison.Ordinal)))
            {
                failures.Add(name);
            }
        });

        Assert.Empty(failures);
    }

    private static EarlierContact[] ThreeEarlierContacts =>
    [
        new(SampleMessages.EarlierEmail, EarlierContactKind.Email),
        new(SampleMessages.EarlierCall, EarlierContactKind.Call),
        new(new DateOnly(2026, 3, 12), EarlierContactKind.Sms),
    ];
}
