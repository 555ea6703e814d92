using System.Text.Json.Nodes;
using Collections.Intake;
using Collections.Invoices;

namespace Collections.Tests.Intake;

public sealed class InvoiceRequestValidatorWhatsAppTests
{
    private const string Body = """
        {"number":"F2026-0042","issueDate":"2026-02-01","dueDate":"2026-03-03","amount":1250.00,"currency":"EUR",
         "debtor":{"id":"C-17","name":"Jan Jansen","kind":"consumer","phone":"+31612345678","preferredChannel":"whatsapp",
                   "whatsAppOptIn":{"at":"2026-01-10T09:30:00+01:00","source":"accounting-system"}}}
        """;

    private static JsonObject Debtor(JsonObject body) => body["debtor"]!.AsObject();

    [Fact]
    public void Validate_WhatsAppWithOptIn_KeepsChannelAndOptIn()
    {
        var result = InvoiceRequestValidator.Validate(Body);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(error => error.Value)));
        Assert.Equal(Channel.WhatsApp, result.Invoice!.Debtor.PreferredChannel);
        Assert.Equal(new WhatsAppOptIn(new DateTimeOffset(2026, 1, 10, 9, 30, 0, TimeSpan.FromHours(1)), "accounting-system"), result.Invoice.Debtor.WhatsAppOptIn);
    }

    [Fact]
    public void Validate_WhatsAppWithoutPhone_NamesPreferredChannel()
    {
        var body = JsonNode.Parse(Body)!.AsObject();
        Debtor(body).Remove("phone");
        Debtor(body).Remove("whatsAppOptIn");

        var result = InvoiceRequestValidator.Validate(body.ToJsonString());

        var (field, messages) = Assert.Single(result.Errors);
        Assert.Equal("debtor.preferredChannel", field);
        Assert.Contains("preferredChannel 'whatsapp' needs debtor.phone", Assert.Single(messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OptInWithoutDate_NamesTheField_NothingReturned()
    {
        var body = JsonNode.Parse(Body)!.AsObject();
        Debtor(body)["whatsAppOptIn"] = new JsonObject { ["at"] = "last week", ["source"] = "debtor-page" };

        var result = InvoiceRequestValidator.Validate(body.ToJsonString());

        Assert.Null(result.Invoice);
        Assert.Equal("debtor.whatsAppOptIn.at", Assert.Single(result.Errors).Key);
    }
}
