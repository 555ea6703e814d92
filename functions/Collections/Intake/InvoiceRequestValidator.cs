using System.Text.Json;
using Collections.Contacts;
using Collections.Invoices;

namespace Collections.Intake;

/// <summary>
/// Validates an invoice posted by an accounting system (the scenario's <c>invoice</c> object plus an
/// optional <c>source</c>) and turns it into a normalised <see cref="Invoice"/>: trimmed text, phone in
/// E.164, currency in upper case. Every problem is reported under its JSON field path; nothing is
/// returned unless everything is valid (R2: check the data before chasing).
/// </summary>
public static class InvoiceRequestValidator
{
    public const int MaxNumberLength = 64;

    private static readonly char[] CharactersNotInNumber = ['/', '\\', '#', '?'];

    private static readonly Dictionary<string, DebtorKind> Kinds = new(StringComparer.Ordinal)
    {
        ["consumer"] = DebtorKind.Consumer,
        ["business"] = DebtorKind.Business,
    };

    private static readonly Dictionary<string, Channel> Channels = new(StringComparer.Ordinal)
    {
        ["sms"] = Channel.Sms,
        ["email"] = Channel.Email,
        ["whatsapp"] = Channel.WhatsApp,
    };

    /// <summary>Languages the messages are written in; a debtor without one gets Dutch.</summary>
    private static readonly Dictionary<string, MessageLanguage> Languages = new(StringComparer.Ordinal)
    {
        ["nl"] = MessageLanguage.Nl,
        ["en"] = MessageLanguage.En,
    };

    private enum MessageLanguage
    {
        Nl,
        En,
    }

    public static InvoiceIntakeResult Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Validate(document.RootElement);
        }
        catch (JsonException exception)
        {
            var errors = new ValidationErrors();
            errors.Add(ValidationErrors.Body, $"The body is not valid JSON: {exception.Message}");
            return InvoiceIntakeResult.Invalid(errors);
        }
    }

    public static InvoiceIntakeResult Validate(JsonElement body)
    {
        var read = new JsonFieldReader(new ValidationErrors());
        if (body.ValueKind != JsonValueKind.Object)
        {
            read.Errors.Add(ValidationErrors.Body, "The body must be a JSON object describing one invoice.");
            return InvoiceIntakeResult.Invalid(read.Errors);
        }

        var number = InvoiceNumber(read, body);
        var issueDate = read.Date(body, "", "issueDate");
        var dueDate = read.Date(body, "", "dueDate");
        if (issueDate is { } issued && dueDate is { } due && due < issued)
        {
            read.Errors.Add("dueDate", $"dueDate ({due:yyyy-MM-dd}) cannot be before issueDate ({issued:yyyy-MM-dd}).");
        }

        var amount = Amount(read, body);
        var currency = Currency(read, body);
        var customerReference = read.String(body, "", "customerReference", required: false);
        var source = read.String(body, "", "source", required: false);
        var debtor = read.Object(body, "", "debtor", required: true, out var debtorElement)
            ? Debtor(read, debtorElement)
            : null;

        if (!read.Errors.IsEmpty)
        {
            return InvoiceIntakeResult.Invalid(read.Errors);
        }

        return InvoiceIntakeResult.Valid(new Invoice(
            number!, issueDate!.Value, dueDate!.Value, amount!.Value, currency!, debtor!, customerReference, source));
    }

    private static string? InvoiceNumber(JsonFieldReader read, JsonElement body)
    {
        var number = read.String(body, "", "number", required: true);
        if (number is null)
        {
            return null;
        }

        if (number.Length > MaxNumberLength)
        {
            read.Errors.Add("number", $"number has at most {MaxNumberLength} characters.");
        }

        if (number.IndexOfAny(CharactersNotInNumber) >= 0 || number.Any(char.IsControl))
        {
            read.Errors.Add("number", "number cannot contain /, \\, #, ? or control characters.");
        }

        // As a URL path segment "." and ".." mean "this" and "the parent" (RFC 3986 §5.2.4): no route could address them.
        if (number.Trim() is "." or "..")
        {
            read.Errors.Add("number", "number cannot be \".\" or \"..\".");
        }

        return number;
    }

    private static decimal? Amount(JsonFieldReader read, JsonElement body)
    {
        var amount = read.Number(body, "", "amount", required: true);
        if (amount is not { } value)
        {
            return null;
        }

        if (value <= 0)
        {
            read.Errors.Add("amount", "amount must be greater than zero.");
        }

        if (decimal.Round(value, 2) != value)
        {
            read.Errors.Add("amount", "amount has at most 2 decimals (cents).");
        }

        return decimal.Round(value, 2);
    }

    private static string? Currency(JsonFieldReader read, JsonElement body)
    {
        var currency = read.String(body, "", "currency", required: true)?.ToUpperInvariant();
        if (currency is not null && !SupportedCurrencies.Codes.Contains(currency))
        {
            read.Errors.Add("currency", $"currency '{currency}' is unknown or not supported; supported: {string.Join(", ", SupportedCurrencies.Codes)} (ISO 4217).");
        }

        return currency;
    }

    private static Debtor? Debtor(JsonFieldReader read, JsonElement debtor)
    {
        const string at = "debtor";
        var id = read.String(debtor, at, "id", required: true);
        var name = read.String(debtor, at, "name", required: true);
        var kind = read.OneOf(debtor, at, "kind", required: true, Kinds);
        var channel = read.OneOf(debtor, at, "preferredChannel", required: true, Channels);
        var language = (read.OneOf(debtor, at, "language", required: false, Languages) ?? MessageLanguage.Nl)
            .ToString().ToLowerInvariant();
        var email = Contact(read, debtor, "email", EmailAddressValidator.Validate);
        var phone = Contact(read, debtor, "phone", input => PhoneNumberNormalizer.Normalize(input));
        RequireContactForChannel(read, channel, email, phone);
        var history = read.Object(debtor, at, "history", required: false, out var historyElement)
            ? History(read, historyElement)
            : null;
        var optIn = read.Object(debtor, at, "whatsAppOptIn", required: false, out var optInElement)
            ? WhatsAppOptIn(read, optInElement, phone)
            : null;
        var contactName = read.String(debtor, at, "contactName", required: false);
        if (contactName is not null && kind is not DebtorKind.Business)
        {
            read.Errors.Add("debtor.contactName", "debtor.contactName is for business debtors only; a consumer is addressed by their own name.");
        }

        return id is null || name is null || kind is null || channel is null
            ? null
            : new Debtor(id, name, kind.Value, email, phone, channel.Value, language, history, optIn, contactName);
    }

    private static string? Contact(JsonFieldReader read, JsonElement debtor, string name, Func<string, ContactCheck> check)
    {
        var input = read.String(debtor, "debtor", name, required: false);
        if (input is null)
        {
            return null;
        }

        var result = check(input);
        if (!result.IsValid)
        {
            read.Errors.Add($"debtor.{name}", result.Error!);
        }

        return result.Value;
    }

    private static void RequireContactForChannel(JsonFieldReader read, Channel? channel, string? email, string? phone)
    {
        switch (channel)
        {
            case Channel.Sms or Channel.WhatsApp when phone is null && !read.Errors.Has("debtor.phone"):
                read.Errors.Add("debtor.preferredChannel", $"preferredChannel '{(channel == Channel.Sms ? "sms" : "whatsapp")}' needs debtor.phone, which is missing.");
                break;
            case Channel.WhatsApp when phone is not null && !PhoneNumberNormalizer.IsMobile(phone):
                read.Errors.Add("debtor.phone", $"{phone} is not a mobile number, so it cannot receive the WhatsApp messages that preferredChannel asks for.");
                break;
            case Channel.Email when email is null && !read.Errors.Has("debtor.email"):
                read.Errors.Add("debtor.preferredChannel", "preferredChannel 'email' needs debtor.email, which is missing.");
                break;
        }
    }

    /// <summary>The debtor's recorded WhatsApp opt-in: when and where it was given (WhatsApp requires one).</summary>
    private static WhatsAppOptIn? WhatsAppOptIn(JsonFieldReader read, JsonElement optIn, string? phone)
    {
        const string at = "debtor.whatsAppOptIn";
        var source = read.String(optIn, at, "source", required: true);
        var given = read.String(optIn, at, "at", required: true);
        DateTimeOffset when = default;
        if (given is not null && !DateTimeOffset.TryParse(given, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out when))
        {
            read.Errors.Add($"{at}.at", $"{at}.at '{given}' is not a date and time with offset (ISO 8601, e.g. 2026-03-01T10:00:00+01:00).");
        }

        if (phone is null && !read.Errors.Has("debtor.phone"))
        {
            read.Errors.Add(at, $"{at} needs debtor.phone, the number the debtor agreed to be messaged on.");
        }

        return source is null || given is null || when == default ? null : new WhatsAppOptIn(when, source);
    }

    private static PaymentHistory? History(JsonFieldReader read, JsonElement history)
    {
        const string at = "debtor.history";
        var late = read.WholeNumber(history, at, "invoicesPaidLate");
        var onTime = read.WholeNumber(history, at, "invoicesPaidOnTime");
        var averageDaysLate = read.Number(history, at, "averageDaysLate", required: false);
        if (averageDaysLate < 0)
        {
            read.Errors.Add($"{at}.averageDaysLate", $"{at}.averageDaysLate cannot be negative.");
        }

        return new PaymentHistory(late ?? 0, onTime ?? 0, (double)(averageDaysLate ?? 0m));
    }
}
