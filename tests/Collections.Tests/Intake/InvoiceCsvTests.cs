using System.Text;
using Collections.Intake;

namespace Collections.Tests.Intake;

public sealed class InvoiceCsvTests
{
    private const string Header = "number,issueDate,dueDate,amount,currency,customerReference,debtorId,debtorName,debtorKind,debtorEmail,debtorPhone,debtorPreferredChannel,debtorLanguage\r\n";

    private static IReadOnlyList<string> Read(string csv) => InvoiceCsv.ReadInvoices(Encoding.UTF8.GetBytes(csv));

    [Fact]
    public void ReadInvoices_Row_IsAValidIntakeRequestWithTheRowsValues()
    {
        var invoices = Read(Header + "F-1,2026-02-01,2026-03-03,1250.50,EUR,\"PO 7, floor 2\",C-1,Jan Jansen,consumer,jan@example.nl,06 12345678,sms,nl\r\n");

        var intake = InvoiceRequestValidator.Validate(Assert.Single(invoices));

        Assert.True(intake.IsValid, string.Join("; ", intake.Errors.Keys));
        Assert.Equal("F-1", intake.Invoice!.Number);
        Assert.Equal(1250.50m, intake.Invoice!.Amount);
        Assert.Equal("PO 7, floor 2", intake.Invoice!.CustomerReference);
        Assert.Equal("+31612345678", intake.Invoice!.Debtor.Phone);
    }

    [Fact]
    public void ReadInvoices_EmptyCellsAndTextAmount_RefusedUnderTheJsonFieldNames()
    {
        var invoices = Read(Header + "F-2,2026-02-01,2026-03-03,\"1.250,50\",EUR,,,Jan Jansen,consumer,jan@example.nl,,email,nl\r\n");

        var intake = InvoiceRequestValidator.Validate(Assert.Single(invoices));

        Assert.False(intake.IsValid);
        Assert.Contains("amount", intake.Errors.Keys);
        Assert.Contains("debtor.id", intake.Errors.Keys);
    }

    [Fact]
    public void ReadInvoices_SeveralRows_InFileOrder()
    {
        var row = ",2026-02-01,2026-03-03,10.00,EUR,,C-1,Jan,consumer,jan@example.nl,,email,nl\r\n";

        var invoices = Read(Header + "A" + row + "B" + row + "C" + row);

        Assert.Equal(["A", "B", "C"], invoices.Select(json => InvoiceRequestValidator.Validate(json).Invoice!.Number));
    }
}
