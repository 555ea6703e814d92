using Collections.Intake;

namespace Collections.Tests.Intake;

public sealed class InvoiceHashTests
{
    private const string Original = """
        {"number":"F2026-0042","issueDate":"2026-02-01","dueDate":"2026-03-03","amount":1250.00,"currency":"EUR",
         "debtor":{"id":"C-17","name":"Jan Jansen","kind":"consumer","phone":"+31612345678","preferredChannel":"sms"}}
        """;

    private const string Reordered = """
        {
          "debtor": { "preferredChannel": "SMS", "phone": "06 1234 5678", "kind": "Consumer", "name": " Jan Jansen ", "id": "C-17" },
          "currency": "eur",
          "amount": 1250,
          "dueDate": "2026-03-03",
          "issueDate": "2026-02-01",
          "number": "F2026-0042"
        }
        """;

    private static string HashOf(string json) => InvoiceRequestValidator.Validate(json).Hash!;

    [Fact]
    public void Compute_SameInvoiceDifferentOrderSpacingAndFormat_SameHash()
    {
        Assert.Equal(HashOf(Original), HashOf(Reordered));
    }

    [Fact]
    public void Compute_DifferentAmount_DifferentHash()
    {
        Assert.NotEqual(HashOf(Original), HashOf(Original.Replace("1250.00", "1250.01", StringComparison.Ordinal)));
    }

    [Fact]
    public void Compute_DifferentDebtorPhone_DifferentHash()
    {
        Assert.NotEqual(HashOf(Original), HashOf(Original.Replace("+31612345678", "+31612345679", StringComparison.Ordinal)));
    }

    [Fact]
    public void CanonicalJson_IsCompactWithTwoDecimalAmount()
    {
        var invoice = InvoiceRequestValidator.Validate(Reordered).Invoice!;

        var json = System.Text.Encoding.UTF8.GetString(InvoiceHash.CanonicalJson(invoice));

        Assert.StartsWith("""{"number":"F2026-0042","issueDate":"2026-02-01","dueDate":"2026-03-03","amount":1250.00,""", json, StringComparison.Ordinal);
        Assert.DoesNotContain(" \"", json, StringComparison.Ordinal);
    }
}
