using System.Text.Json.Nodes;
using Collections.Intake;
using Collections.Invoices;

namespace Collections.Tests.Intake;

public sealed class InvoiceRequestValidatorTests
{
    private const string Scenario = """
        {"number":"F2026-0042","issueDate":"2026-02-01","dueDate":"2026-03-03","amount":1250.00,"currency":"EUR",
         "customerReference":"PO-991",
         "debtor":{"id":"C-17","name":"Jan Jansen","kind":"consumer","email":"jan@example.nl","phone":"+31612345678",
                   "preferredChannel":"sms","language":"nl",
                   "history":{"invoicesPaidLate":3,"invoicesPaidOnTime":1,"averageDaysLate":12}}}
        """;

    private static JsonObject Body() => JsonNode.Parse(Scenario)!.AsObject();

    private static InvoiceIntakeResult Validate(JsonObject body) => InvoiceRequestValidator.Validate(body.ToJsonString());

    private static void AssertOnlyError(InvoiceIntakeResult result, string field, string fragment)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Invoice);
        var (key, messages) = Assert.Single(result.Errors);
        Assert.Equal(field, key);
        Assert.Contains(messages, message => message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ScenarioInvoice_ReturnsInvoice()
    {
        var result = InvoiceRequestValidator.Validate(Scenario);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        var expectedDebtor = new Debtor("C-17", "Jan Jansen", DebtorKind.Consumer, "jan@example.nl", "+31612345678",
            Channel.Sms, "nl", new PaymentHistory(3, 1, 12));
        Assert.Equal(
            new Invoice("F2026-0042", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 3), 1250.00m, "EUR", expectedDebtor, "PO-991"),
            result.Invoice);
        Assert.Matches("^[0-9a-f]{64}$", result.Hash);
    }

    [Fact]
    public void Validate_BusinessWithContactName_KeepsThePerson()
    {
        var body = Body();
        body["debtor"]!["kind"] = "business";
        body["debtor"]!["name"] = "Van Dijk Installaties B.V.";
        body["debtor"]!["contactName"] = "Petra de Vries";

        var result = Validate(body);

        Assert.True(result.IsValid);
        Assert.Equal("Petra de Vries", result.Invoice.Debtor.ContactName);
    }

    [Fact]
    public void Validate_ConsumerWithContactName_RefusedNamingTheField()
    {
        var body = Body();
        body["debtor"]!["contactName"] = "Petra de Vries";

        AssertOnlyError(Validate(body), "debtor.contactName", "business debtors only");
    }

    [Fact]
    public void Validate_LocalPhoneAndSource_NormalisesPhoneAndKeepsSource()
    {
        var body = Body();
        body["debtor"]!["phone"] = "06 1234 5678";
        body["source"] = "exact-online";
        body["currency"] = "eur";

        var result = Validate(body);

        Assert.True(result.IsValid);
        Assert.Equal("+31612345678", result.Invoice.Debtor.Phone);
        Assert.Equal("exact-online", result.Invoice.Source);
        Assert.Equal("EUR", result.Invoice.Currency);
    }

    [Fact]
    public void Validate_OptionalFieldsAbsent_DefaultsLanguageToDutch()
    {
        var body = Body();
        var debtor = body["debtor"]!.AsObject();
        debtor.Remove("language");
        debtor.Remove("history");
        debtor.Remove("phone");
        debtor["preferredChannel"] = "email";
        body.Remove("customerReference");

        var result = Validate(body);

        Assert.True(result.IsValid);
        Assert.Equal("nl", result.Invoice.Debtor.Language);
        Assert.Null(result.Invoice.Debtor.History);
        Assert.Null(result.Invoice.CustomerReference);
    }

    [Theory]
    [InlineData("number")]
    [InlineData("issueDate")]
    [InlineData("dueDate")]
    [InlineData("amount")]
    [InlineData("currency")]
    [InlineData("debtor")]
    public void Validate_MissingTopLevelField_NamesIt(string field)
    {
        var body = Body();
        body.Remove(field);

        AssertOnlyError(Validate(body), field, "is required");
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("kind")]
    [InlineData("preferredChannel")]
    public void Validate_MissingDebtorField_NamesPath(string field)
    {
        var body = Body();
        body["debtor"]!.AsObject().Remove(field);

        AssertOnlyError(Validate(body), $"debtor.{field}", "is required");
    }

    [Theory]
    [InlineData("0", "greater than zero")]
    [InlineData("-5", "greater than zero")]
    [InlineData("10.005", "at most 2 decimals")]
    [InlineData("\"1250.00\"", "must be a JSON number")]
    [InlineData("true", "must be a JSON number")]
    public void Validate_BadAmount_NamesAmount(string amountJson, string fragment)
    {
        var body = Body();
        body["amount"] = JsonNode.Parse(amountJson);

        AssertOnlyError(Validate(body), "amount", fragment);
    }

    [Fact]
    public void Validate_AmountWithTrailingZeros_IsAccepted()
    {
        var body = Body();
        body["amount"] = JsonNode.Parse("99.900");

        Assert.Equal(99.90m, Validate(body).Invoice?.Amount);
    }

    [Fact]
    public void Validate_DueBeforeIssue_NamesDueDate()
    {
        var body = Body();
        body["dueDate"] = "2026-01-31";

        AssertOnlyError(Validate(body), "dueDate", "cannot be before issueDate");
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("01-02-2026")]
    [InlineData("2026-02-01T00:00:00Z")]
    public void Validate_UnparseableDate_NamesIssueDate(string date)
    {
        var body = Body();
        body["issueDate"] = date;

        AssertOnlyError(Validate(body), "issueDate", "yyyy-MM-dd");
    }

    [Fact]
    public void Validate_BadPhone_NamesDebtorPhone()
    {
        var body = Body();
        body["debtor"]!["phone"] = "12345";

        AssertOnlyError(Validate(body), "debtor.phone", "12345");
    }

    [Fact]
    public void Validate_LandlineWithSmsPreferred_AcceptedForTheWorkflowToWriteByEmail()
    {
        var body = Body();
        body["debtor"]!["phone"] = "020 123 4567";

        var result = Validate(body);

        Assert.True(result.IsValid);
        Assert.Equal("+31201234567", result.Invoice.Debtor.Phone);
    }

    [Fact]
    public void Validate_BadEmail_NamesDebtorEmail()
    {
        var body = Body();
        body["debtor"]!["email"] = "Jan <jan@example.nl>";

        AssertOnlyError(Validate(body), "debtor.email", "bare address");
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("EURO")]
    [InlineData("XXX")]
    public void Validate_UnsupportedCurrency_NamesCurrency(string currency)
    {
        var body = Body();
        body["currency"] = currency;

        AssertOnlyError(Validate(body), "currency", "supported: EUR");
    }

    [Theory]
    [InlineData("kind", "person")]
    [InlineData("preferredChannel", "fax")]
    [InlineData("language", "de")]
    public void Validate_UnknownEnumValue_ListsAllowedValues(string field, string value)
    {
        var body = Body();
        body["debtor"]![field] = value;

        AssertOnlyError(Validate(body), $"debtor.{field}", $"(got '{value}')");
    }

    [Fact]
    public void Validate_SmsWithoutPhone_NamesPreferredChannel()
    {
        var body = Body();
        body["debtor"]!.AsObject().Remove("phone");

        AssertOnlyError(Validate(body), "debtor.preferredChannel", "needs debtor.phone");
    }

    [Fact]
    public void Validate_EmailWithoutEmail_NamesPreferredChannel()
    {
        var body = Body();
        body["debtor"]!["preferredChannel"] = "email";
        body["debtor"]!["email"] = null;

        AssertOnlyError(Validate(body), "debtor.preferredChannel", "needs debtor.email");
    }

    [Fact]
    public void Validate_NegativeHistory_NamesHistoryField()
    {
        var body = Body();
        body["debtor"]!["history"]!["invoicesPaidLate"] = -1;

        AssertOnlyError(Validate(body), "debtor.history.invoicesPaidLate", "whole number");
    }

    [Theory]
    [InlineData("F/2026/1")]
    [InlineData("F#1")]
    public void Validate_NumberWithKeyUnsafeCharacters_NamesNumber(string number)
    {
        var body = Body();
        body["number"] = number;

        AssertOnlyError(Validate(body), "number", "cannot contain");
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachField()
    {
        var body = Body();
        body["amount"] = -1;
        body["currency"] = "GBP";
        body["debtor"]!["email"] = "not-an-email";
        body["debtor"]!["kind"] = 3;

        var result = Validate(body);

        Assert.Equal(["amount", "currency", "debtor.email", "debtor.kind"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    public void Validate_BodyNotAnObject_ReportsBody(string json, string fragment)
    {
        var result = InvoiceRequestValidator.Validate(json);

        var (key, messages) = Assert.Single(result.Errors);
        Assert.Equal("$", key);
        Assert.Contains(fragment, messages[0], StringComparison.Ordinal);
    }
}
