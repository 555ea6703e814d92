using Collections.Invoices;
using Collections.Messaging;
using Collections.Storage;
using static Collections.Server.Tests.Storage.StoreSamples;

namespace Collections.Server.Tests.Storage;

/// <summary>The store's part of retention and erasure: the debtor's records found, redactions applied for good.</summary>
public abstract partial class CollectionsStoreContract
{
    private static readonly string[] PersonalData = ["Jansen Bakery", "info@jansen.example", "+31612345678", "lost my job"];

    /// <summary>Everything the store holds, as text, to search for personal data that should be gone.</summary>
    protected abstract Task<string> StoredTextAsync();

    [Fact]
    public async Task ListCallTasksOfDebtor_AnyStatus_OnlyThatDebtorsInCreationOrder()
    {
        await Store.AddCallTaskAsync(CallTask("t-2", dueInHours: 1, status: "done") with { CreatedAt = Now.AddHours(1) }, Cancel);
        await Store.AddCallTaskAsync(CallTask("t-1", dueInHours: 2), Cancel);
        await Store.AddCallTaskAsync(CallTask("t-9", dueInHours: 1, debtorId: "D-2"), Cancel);

        var tasks = await Store.ListCallTasksOfDebtorAsync("D-1", Cancel);

        Assert.Equal(["t-1", "t-2"], tasks.Select(task => task.Id));
        Assert.All(tasks, task => Assert.NotNull(task.Version));
        Assert.Empty(await Store.ListCallTasksOfDebtorAsync("D-404", Cancel));
    }

    [Fact]
    public async Task ListOutboxOfTag_OnlyThatWorkflowsMessagesOldestFirst()
    {
        await Store.AddOutboxMessageAsync(Outbox("m-2", minute: 2), Cancel);
        await Store.AddOutboxMessageAsync(Outbox("m-1", minute: 1), Cancel);
        var other = Outbox("m-3", minute: 3);
        await Store.AddOutboxMessageAsync(other with { Message = other.Message with { Tag = "invoice-F-2" } }, Cancel);

        var messages = await Store.ListOutboxOfTagAsync("invoice-F-1", Cancel);

        Assert.Equal(["m-1", "m-2"], messages.Select(message => message.Id));
        Assert.Equal(Outbox("m-1", minute: 1), messages[0]);
    }

    [Fact]
    public async Task Redact_RewritesRemovesAndAudits_AndLeavesNoPersonalDataInTheStorage()
    {
        var redaction = await StoreClosedInvoiceWithPersonalDataAsync();

        await Store.RedactAsync(redaction, Cancel);

        var invoice = (await Store.GetInvoiceAsync("F-1", Cancel))!;
        Assert.Null(invoice.Invoice.Debtor.Email);
        Assert.Equal(1250.75m, invoice.Invoice.Amount);
        Assert.Equal(["c-message", "privacy:personal-data"], (await Store.ListContactsAsync("F-1", Cancel)).Select(entry => entry.Id));
        Assert.Equal(["c-message", "privacy:personal-data"], (await Store.ListContactsOfDebtorAsync("D-1", Cancel)).Select(entry => entry.Id));
        Assert.Null((await Store.GetCallTaskAsync("t-1", Cancel))!.Outcome);
        Assert.Empty(await Store.ListOutboxOfTagAsync("invoice-F-1", Cancel));
        Assert.Single(await Store.ListPaymentsAsync("F-1", Cancel));
        var stored = await StoredTextAsync();
        Assert.All(PersonalData, value => Assert.DoesNotContain(value, stored, StringComparison.Ordinal));
        Assert.Contains("final-notice", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redact_TheSameRedactionAgainWithTheNewVersion_ChangesNothing()
    {
        var redaction = await StoreClosedInvoiceWithPersonalDataAsync();
        await Store.RedactAsync(redaction, Cancel);
        var once = await Store.ListContactsOfDebtorAsync("D-1", Cancel);

        await Store.RedactAsync(redaction with { Invoice = redaction.Invoice with { Version = (await Store.GetInvoiceAsync("F-1", Cancel))!.Version } }, Cancel);

        Assert.Equal(once, await Store.ListContactsOfDebtorAsync("D-1", Cancel));
        Assert.Null((await Store.GetInvoiceAsync("F-1", Cancel))!.Invoice.Debtor.Phone);
    }

    [Fact]
    public async Task Redact_InvoiceChangedSinceItWasRead_ConflictAndTheInvoiceKeepsItsChange()
    {
        var redaction = await StoreClosedInvoiceWithPersonalDataAsync();
        var current = (await Store.GetInvoiceAsync("F-1", Cancel))!;
        await Store.UpdateInvoiceAsync(current with { OpenBalance = 1m }, Cancel);

        await Assert.ThrowsAsync<StoreConflictException>(() => Store.RedactAsync(redaction, Cancel));

        Assert.Equal(1m, (await Store.GetInvoiceAsync("F-1", Cancel))!.OpenBalance);
    }

    /// <summary>A paid invoice with a message, a hardship note, a finished call task and an outbox copy; and the
    /// redaction that keeps only the proof, as <c>Collections.Privacy</c> computes it.</summary>
    private async Task<StoreRedaction> StoreClosedInvoiceWithPersonalDataAsync()
    {
        var invoice = (await Store.AddInvoiceAsync(Invoice("F-1", status: "paid"), Cancel)).Record;
        var message = new ContactLogEntry(
            "c-message", "F-1", "D-1", Now, "message", "Final notice (firm) by email", Channel.Email, "firm",
            "Dear Jansen Bakery, ...", """{"kind":"final-notice","to":"info@jansen.example","balance":1250.75}""");
        var note = new ContactLogEntry("c-note", "F-1", "D-1", Now.AddMinutes(1), "call-outcome", "Hardship (lost my job), call +31612345678");
        await Store.AppendContactAsync(message, Cancel);
        await Store.AppendContactAsync(note, Cancel);
        await Store.AddCallTaskAsync(CallTask("t-1", dueInHours: 1, status: "done") with { Outcome = """{"note":"lost my job"}""" }, Cancel);
        await Store.AddOutboxMessageAsync(Outbox("m-1", minute: 1), Cancel);
        await Store.AddPaymentAsync(Payment("p-1", "F-1", minute: 2), Cancel);
        var task = (await Store.GetCallTaskAsync("t-1", Cancel))!;
        return new StoreRedaction(
            invoice with { Invoice = invoice.Invoice with { Debtor = invoice.Invoice.Debtor with { Name = "-", Email = null, Phone = null, History = null } } },
            [message with { Text = null, DataJson = """{"kind":"final-notice","balance":1250.75}""" }],
            [note],
            [task with { Outcome = null }],
            ["m-1"],
            new ContactLogEntry("privacy:personal-data", "F-1", "D-1", Now.AddDays(200), "personal-data-purged", "Personal data removed."));
    }
}
