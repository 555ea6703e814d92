using Collections.Invoices;
using Collections.Storage;
using static Collections.Server.Tests.Storage.StoreSamples;

namespace Collections.Server.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="ICollectionsStore"/> must have. Each implementation's test
/// class derives from this and supplies a fresh, empty store per test.
/// </summary>
public abstract partial class CollectionsStoreContract
{
    private const int Racers = 20;

    protected abstract ICollectionsStore Store { get; }

    private static CancellationToken Cancel => CancellationToken.None;

    [Fact]
    public async Task AddInvoice_New_IsAddedAndReadBackWithVersion()
    {
        var invoice = Invoice("F-100");

        var result = await Store.AddInvoiceAsync(invoice, Cancel);
        var read = await Store.GetInvoiceAsync("F-100", Cancel);

        Assert.True(result.Added);
        Assert.NotNull(result.Record.Version);
        Assert.Equal(invoice with { Version = result.Record.Version }, result.Record);
        Assert.Equal(result.Record, read);
        Assert.Equal(DebtorKind.Business, read!.Invoice.Debtor.Kind);
        Assert.Equal(new PaymentHistory(2, 7, 4.5), read.Invoice.Debtor.History);
    }

    [Fact]
    public async Task AddInvoice_SameNumberAgain_ReturnsTheStoredRecordUnchanged()
    {
        var first = await Store.AddInvoiceAsync(Invoice("F-100", bodyHash: "first"), Cancel);

        var second = await Store.AddInvoiceAsync(Invoice("F-100", bodyHash: "second"), Cancel);

        Assert.False(second.Added);
        Assert.Equal("first", second.Record.BodyHash);
        Assert.Equal(first.Record, second.Record);
        Assert.Equal("first", (await Store.GetInvoiceAsync("F-100", Cancel))!.BodyHash);
    }

    [Fact]
    public async Task GetInvoice_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.GetInvoiceAsync("F-404", Cancel));
    }

    [Fact]
    public async Task UpdateInvoice_CurrentVersion_StoresChangeWithNewVersion()
    {
        var stored = (await Store.AddInvoiceAsync(Invoice("F-100"), Cancel)).Record;

        var updated = await Store.UpdateInvoiceAsync(stored with { Status = "paid", OpenBalance = 0m }, Cancel);
        var read = await Store.GetInvoiceAsync("F-100", Cancel);

        Assert.NotEqual(stored.Version, updated.Version);
        Assert.Equal(updated, read);
        Assert.Equal("paid", read!.Status);
        Assert.Equal(0m, read.OpenBalance);
    }

    [Fact]
    public async Task UpdateInvoice_Paused_PauseReadBackThenCleared()
    {
        var stored = (await Store.AddInvoiceAsync(Invoice("F-100"), Cancel)).Record;
        var pause = new InvoicePause(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero), "j.devries", "customer in hospital");

        var paused = await Store.UpdateInvoiceAsync(stored with { Paused = pause }, Cancel);
        var readPaused = await Store.GetInvoiceAsync("F-100", Cancel);
        await Store.UpdateInvoiceAsync(paused with { Paused = null }, Cancel);

        Assert.Equal(pause, readPaused!.Paused);
        Assert.Null((await Store.GetInvoiceAsync("F-100", Cancel))!.Paused);
    }

    [Fact]
    public async Task UpdateInvoice_StaleVersion_ThrowsConflictAndKeepsTheWinner()
    {
        var stored = (await Store.AddInvoiceAsync(Invoice("F-100"), Cancel)).Record;
        await Store.UpdateInvoiceAsync(stored with { Status = "paid" }, Cancel);

        await Assert.ThrowsAsync<StoreConflictException>(() => Store.UpdateInvoiceAsync(stored with { Status = "cancelled" }, Cancel));

        Assert.Equal("paid", (await Store.GetInvoiceAsync("F-100", Cancel))!.Status);
    }

    [Fact]
    public async Task UpdateInvoice_NeverStored_ThrowsConflict()
    {
        var stored = (await Store.AddInvoiceAsync(Invoice("F-100"), Cancel)).Record;

        await Assert.ThrowsAsync<StoreConflictException>(() => Store.UpdateInvoiceAsync(Invoice("F-999") with { Version = stored.Version }, Cancel));

        Assert.Null(await Store.GetInvoiceAsync("F-999", Cancel));
    }

    [Fact]
    public async Task UpdateInvoice_WithoutVersion_ThrowsArgumentNamingVersion()
    {
        await Store.AddInvoiceAsync(Invoice("F-100"), Cancel);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.UpdateInvoiceAsync(Invoice("F-100"), Cancel));

        Assert.Equal("invoice.Version", error.ParamName);
    }

    [Fact]
    public async Task AddInvoice_EmptyNumber_ThrowsArgumentNamingNumberAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.AddInvoiceAsync(Invoice(" "), Cancel));

        Assert.Equal("invoice.Number", error.ParamName);
        Assert.Equal(0, (await Store.ListInvoicesAsync(null, 1, 10, Cancel)).TotalCount);
    }

    [Fact]
    public async Task AddInvoices_NewAndStored_AddsTheNewAndReturnsTheStoredUnchangedInOrder()
    {
        var stored = (await Store.AddInvoiceAsync(Invoice("F-2", bodyHash: "first"), Cancel)).Record;

        var results = await Store.AddInvoicesAsync([Invoice("F-3", debtorId: "D-2"), Invoice("F-2", bodyHash: "second"), Invoice("F-1")], Cancel);

        Assert.Equal([true, false, true], results.Select(result => result.Added));
        Assert.Equal(["F-3", "F-2", "F-1"], results.Select(result => result.Record.Invoice.Number));
        Assert.Equal(stored, results[1].Record);
        Assert.Equal(results[0].Record, await Store.GetInvoiceAsync("F-3", Cancel));
        Assert.Equal(Invoice("F-1") with { Version = results[2].Record.Version }, results[2].Record);
        Assert.Equal(["F-1", "F-2"], (await Store.ListInvoicesOfDebtorAsync("D-1", Cancel)).Select(invoice => invoice.Invoice.Number));
        Assert.Equal(["F-3"], (await Store.ListInvoicesOfDebtorAsync("D-2", Cancel)).Select(invoice => invoice.Invoice.Number));
    }

    [Fact]
    public async Task AddInvoices_ManyOfOneDebtor_AllAddedAndFoundByDebtor()
    {
        var results = await Store.AddInvoicesAsync([.. Enumerable.Range(0, 250).Select(i => Invoice($"F-{i:D3}"))], Cancel);

        Assert.All(results, result => Assert.True(result.Added));
        Assert.Equal(250, (await Store.ListInvoicesOfDebtorAsync("D-1", Cancel)).Count);
        var again = await Store.AddInvoicesAsync([Invoice("F-000", bodyHash: "other")], Cancel);
        Assert.False(again[0].Added);
        Assert.Equal("hash-1", again[0].Record.BodyHash);
    }

    [Fact]
    public async Task AddInvoices_NumberTwice_ThrowsArgumentAndStoresNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AddInvoicesAsync([Invoice("F-1"), Invoice("F-2"), Invoice("F-1")], Cancel));

        Assert.Equal(0, (await Store.ListInvoicesAsync(null, 1, 10, Cancel)).TotalCount);
    }

    [Fact]
    public async Task ListInvoices_Pages_InNumberOrderWithTotalCount()
    {
        foreach (var number in new[] { "F-105", "F-101", "F-104", "F-102", "F-103" })
        {
            await Store.AddInvoiceAsync(Invoice(number), Cancel);
        }

        var first = await Store.ListInvoicesAsync(null, 1, 2, Cancel);
        var third = await Store.ListInvoicesAsync(null, 3, 2, Cancel);
        var beyond = await Store.ListInvoicesAsync(null, 4, 2, Cancel);

        Assert.Equal(["F-101", "F-102"], first.Items.Select(invoice => invoice.Invoice.Number));
        Assert.Equal(["F-105"], third.Items.Select(invoice => invoice.Invoice.Number));
        Assert.Empty(beyond.Items);
        Assert.Equal((1, 2, 5), (first.Page, first.PageSize, first.TotalCount));
        Assert.Equal(5, beyond.TotalCount);
        Assert.All(first.Items, invoice => Assert.NotNull(invoice.Version));
    }

    [Fact]
    public async Task ListInvoices_StatusFilter_ReturnsAndCountsOnlyThatStatus()
    {
        await Store.AddInvoiceAsync(Invoice("F-1", status: "open"), Cancel);
        await Store.AddInvoiceAsync(Invoice("F-2", status: "paid"), Cancel);
        await Store.AddInvoiceAsync(Invoice("F-3", status: "open"), Cancel);
        var fourth = (await Store.AddInvoiceAsync(Invoice("F-4", status: "open"), Cancel)).Record;
        await Store.UpdateInvoiceAsync(fourth with { Status = "paid" }, Cancel);

        var open = await Store.ListInvoicesAsync("open", 1, 10, Cancel);
        var paid = await Store.ListInvoicesAsync("paid", 1, 10, Cancel);

        Assert.Equal(["F-1", "F-3"], open.Items.Select(invoice => invoice.Invoice.Number));
        Assert.Equal(2, open.TotalCount);
        Assert.Equal(["F-2", "F-4"], paid.Items.Select(invoice => invoice.Invoice.Number));
        Assert.Empty((await Store.ListInvoicesAsync("handed-over", 1, 10, Cancel)).Items);
    }

    [Fact]
    public async Task ListInvoices_BadPaging_ThrowsNamingTheArgument()
    {
        var page = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListInvoicesAsync(null, 0, 10, Cancel));
        var size = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListInvoicesAsync(null, 1, 0, Cancel));

        Assert.Equal("page", page.ParamName);
        Assert.Equal("pageSize", size.ParamName);
    }

    [Fact]
    public async Task ListInvoicesOfDebtor_ReturnsOnlyThatDebtorsInvoicesInNumberOrder()
    {
        await Store.AddInvoiceAsync(Invoice("F-3", debtorId: "D-1"), Cancel);
        await Store.AddInvoiceAsync(Invoice("F-1", debtorId: "D-1"), Cancel);
        await Store.AddInvoiceAsync(Invoice("F-2", debtorId: "D-2"), Cancel);

        var invoices = await Store.ListInvoicesOfDebtorAsync("D-1", Cancel);

        Assert.Equal(["F-1", "F-3"], invoices.Select(invoice => invoice.Invoice.Number));
        Assert.All(invoices, invoice => Assert.NotNull(invoice.Version));
        Assert.Empty(await Store.ListInvoicesOfDebtorAsync("D-9", Cancel));
    }

    [Fact]
    public async Task AddPayment_SamePaymentIdTwice_RecordsItOnce()
    {
        Assert.True(await Store.AddPaymentAsync(Payment("pay-1", "F-1", minute: 1, amount: 100m), Cancel));

        Assert.False(await Store.AddPaymentAsync(Payment("pay-1", "F-1", minute: 2, amount: 999m), Cancel));

        var payment = Assert.Single(await Store.ListPaymentsAsync("F-1", Cancel));
        Assert.Equal(Payment("pay-1", "F-1", minute: 1, amount: 100m), payment);
    }

    [Fact]
    public async Task AddPayment_UnknownInvoice_IsRecordedAndListed()
    {
        Assert.True(await Store.AddPaymentAsync(Payment("pay-1", "F-not-yet-posted", minute: 1), Cancel));

        Assert.Single(await Store.ListPaymentsAsync("F-not-yet-posted", Cancel));
        Assert.Null(await Store.GetInvoiceAsync("F-not-yet-posted", Cancel));
    }

    [Fact]
    public async Task ListPayments_ReturnsThatInvoicesPaymentsInRecordedOrder()
    {
        await Store.AddPaymentAsync(Payment("pay-c", "F-1", minute: 3), Cancel);
        await Store.AddPaymentAsync(Payment("pay-a", "F-1", minute: 1), Cancel);
        await Store.AddPaymentAsync(Payment("pay-x", "F-2", minute: 2), Cancel);
        await Store.AddPaymentAsync(Payment("pay-b", "F-1", minute: 2), Cancel);

        var payments = await Store.ListPaymentsAsync("F-1", Cancel);

        Assert.Equal(["pay-a", "pay-b", "pay-c"], payments.Select(payment => payment.PaymentId));
        Assert.Empty(await Store.ListPaymentsAsync("F-9", Cancel));
    }

    [Fact]
    public async Task AddCallTask_SameIdTwice_AddsOnce()
    {
        Assert.True(await Store.AddCallTaskAsync(CallTask("call-1", dueInHours: 2), Cancel));

        Assert.False(await Store.AddCallTaskAsync(CallTask("call-1", dueInHours: 9) with { Script = "follow-up" }, Cancel));

        var stored = await Store.GetCallTaskAsync("call-1", Cancel);
        Assert.NotNull(stored?.Version);
        Assert.Equal("first-contact", stored.Script);
        Assert.Equal(Now.AddHours(2), stored.DueBy);
        Assert.Equal(["F-1", "F-2"], stored.InvoiceNumbers);
        Assert.Null(await Store.GetCallTaskAsync("call-404", Cancel));
    }

    [Fact]
    public async Task UpdateCallTask_CurrentThenStaleVersion_StoresOnceThenConflicts()
    {
        await Store.AddCallTaskAsync(CallTask("call-1", dueInHours: 2), Cancel);
        var read = (await Store.GetCallTaskAsync("call-1", Cancel))!;

        var done = await Store.UpdateCallTaskAsync(read with { Status = "done", Outcome = """{"kind":"promise"}""" }, Cancel);

        await Assert.ThrowsAsync<StoreConflictException>(() => Store.UpdateCallTaskAsync(read with { Status = "cancelled" }, Cancel));
        var stored = (await Store.GetCallTaskAsync("call-1", Cancel))!;
        Assert.Equal(("done", """{"kind":"promise"}""", done.Version), (stored.Status, stored.Outcome, stored.Version));
    }

    [Fact]
    public async Task ListOpenCallTasks_ReturnsOpenOnesDueByTheTimeEarliestFirst()
    {
        await Store.AddCallTaskAsync(CallTask("call-late", dueInHours: 30), Cancel);
        await Store.AddCallTaskAsync(CallTask("call-second", dueInHours: 5), Cancel);
        await Store.AddCallTaskAsync(CallTask("call-first", dueInHours: 1), Cancel);
        await Store.AddCallTaskAsync(CallTask("call-done", dueInHours: 2, status: "done"), Cancel);
        await Store.AddCallTaskAsync(CallTask("call-edge", dueInHours: 24), Cancel);
        await Store.AddCallTaskAsync(CallTask("call-cancelled", dueInHours: 3), Cancel);
        await Store.UpdateCallTaskAsync((await Store.GetCallTaskAsync("call-cancelled", Cancel))! with { Status = "cancelled" }, Cancel);
        var second = (await Store.GetCallTaskAsync("call-second", Cancel))!;

        var dueToday = await Store.ListOpenCallTasksAsync(Now.AddHours(24), Cancel);
        var all = await Store.ListOpenCallTasksAsync(null, Cancel);

        Assert.Equal(["call-first", "call-second", "call-edge"], dueToday.Select(task => task.Id));
        Assert.Equal(["call-first", "call-second", "call-edge", "call-late"], all.Select(task => task.Id));
        Assert.Equal(second, dueToday[1] with { InvoiceNumbers = second.InvoiceNumbers });
    }

    [Fact]
    public async Task AddApproval_SameIdTwice_AddsOnceAndFindsByTokenHash()
    {
        Assert.True(await Store.AddApprovalAsync(Approval("appr-1", "token-hash-1"), Cancel));

        Assert.False(await Store.AddApprovalAsync(Approval("appr-1", "token-hash-1") with { Action = "other" }, Cancel));

        var byId = await Store.GetApprovalAsync("appr-1", Cancel);
        var byToken = await Store.FindApprovalByTokenHashAsync("token-hash-1", Cancel);
        Assert.Equal(Approval("appr-1", "token-hash-1") with { Version = byId!.Version }, byId);
        Assert.Equal(byId, byToken);
        Assert.Null(await Store.FindApprovalByTokenHashAsync("token-hash-unknown", Cancel));
        Assert.Null(await Store.GetApprovalAsync("appr-404", Cancel));
    }

    [Fact]
    public async Task AddApproval_TokenHashOfAnotherApproval_IsRefused()
    {
        await Store.AddApprovalAsync(Approval("appr-1", "token-hash-1"), Cancel);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddApprovalAsync(Approval("appr-2", "token-hash-1"), Cancel));

        Assert.Contains("TokenHash", error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetApprovalAsync("appr-2", Cancel));
        Assert.Equal("appr-1", (await Store.FindApprovalByTokenHashAsync("token-hash-1", Cancel))!.Id);
    }

    [Fact]
    public async Task UpdateApproval_SecondDecisionFromTheSameRead_Conflicts()
    {
        await Store.AddApprovalAsync(Approval("appr-1", "token-hash-1"), Cancel);
        var read = (await Store.FindApprovalByTokenHashAsync("token-hash-1", Cancel))!;

        await Store.UpdateApprovalAsync(read with { Decision = "approve", DecidedAt = Now.AddHours(1), DecidedBy = "anna" }, Cancel);

        await Assert.ThrowsAsync<StoreConflictException>(
            () => Store.UpdateApprovalAsync(read with { Decision = "reject", DecidedAt = Now.AddHours(2), DecidedBy = "bert" }, Cancel));
        var stored = (await Store.GetApprovalAsync("appr-1", Cancel))!;
        Assert.Equal(("approve", "anna", Now.AddHours(1)), (stored.Decision, stored.DecidedBy, stored.DecidedAt));
    }

    [Fact]
    public async Task ListPendingApprovals_ExcludesDecidedOnesOldestFirst()
    {
        await Store.AddApprovalAsync(Approval("appr-new", "hash-new", requestedMinute: 20), Cancel);
        await Store.AddApprovalAsync(Approval("appr-old", "hash-old", requestedMinute: 5), Cancel);
        await Store.AddApprovalAsync(Approval("appr-decided", "hash-decided", requestedMinute: 1), Cancel);
        var decided = (await Store.GetApprovalAsync("appr-decided", Cancel))!;
        await Store.UpdateApprovalAsync(decided with { Decision = "reject", DecidedAt = Now, DecidedBy = "anna" }, Cancel);

        var pending = await Store.ListPendingApprovalsAsync(Cancel);

        Assert.Equal(["appr-old", "appr-new"], pending.Select(approval => approval.Id));
        Assert.All(pending, approval => Assert.NotNull(approval.Version));
    }

    [Fact]
    public async Task AppendContact_SameIdTwice_AppendsOnce()
    {
        Assert.True(await Store.AppendContactAsync(Contact("c-1", "F-1", "D-1", minute: 1), Cancel));

        Assert.False(await Store.AppendContactAsync(Contact("c-1", "F-1", "D-1", minute: 7), Cancel));

        Assert.Equal([Contact("c-1", "F-1", "D-1", minute: 1)], await Store.ListContactsAsync("F-1", Cancel));
        Assert.Single(await Store.ListContactsOfDebtorAsync("D-1", Cancel));
    }

    [Fact]
    public async Task ListContacts_PerInvoiceAndPerDebtor_InTimeOrder()
    {
        await Store.AppendContactAsync(Contact("c-3", "F-1", "D-1", minute: 30), Cancel);
        await Store.AppendContactAsync(Contact("c-1", "F-1", "D-1", minute: 10), Cancel);
        await Store.AppendContactAsync(Contact("c-2", "F-2", "D-1", minute: 20), Cancel);
        await Store.AppendContactAsync(Contact("c-9", "F-9", "D-2", minute: 15), Cancel);
        await Store.AppendContactAsync(Contact("c-0", "F-2", "D-1", minute: 5) with { Channel = null, Tone = null, Text = null, DataJson = null }, Cancel);

        var ofInvoice = await Store.ListContactsAsync("F-1", Cancel);
        var ofDebtor = await Store.ListContactsOfDebtorAsync("D-1", Cancel);

        Assert.Equal(["c-1", "c-3"], ofInvoice.Select(entry => entry.Id));
        Assert.Equal(["c-0", "c-1", "c-2", "c-3"], ofDebtor.Select(entry => entry.Id));
        Assert.Equal(Contact("c-0", "F-2", "D-1", minute: 5) with { Channel = null, Tone = null, Text = null, DataJson = null }, ofDebtor[0]);
        Assert.Equal(Channel.Sms, ofDebtor[1].Channel);
        Assert.Empty(await Store.ListContactsAsync("F-404", Cancel));
    }

    [Fact]
    public async Task AddOutboxMessage_SameIdTwice_StoresOnce()
    {
        Assert.True(await Store.AddOutboxMessageAsync(Outbox("m-1", minute: 1), Cancel));

        Assert.False(await Store.AddOutboxMessageAsync(Outbox("m-1", minute: 2), Cancel));

        var page = await Store.ListOutboxAsync(1, 10, Cancel);
        var stored = Assert.Single(page.Items);
        Assert.Equal(Now.AddMinutes(1), stored.StoredAt);
        Assert.Equal(Outbox("m-1", minute: 1).Message, stored.Message);
    }

    [Fact]
    public async Task ListOutbox_Pages_NewestFirstWithTotalCount()
    {
        for (var minute = 1; minute <= 5; minute++)
        {
            await Store.AddOutboxMessageAsync(Outbox($"m-{minute}", minute), Cancel);
        }

        var first = await Store.ListOutboxAsync(1, 2, Cancel);
        var last = await Store.ListOutboxAsync(3, 2, Cancel);

        Assert.Equal(["m-5", "m-4"], first.Items.Select(message => message.Id));
        Assert.Equal(["m-1"], last.Items.Select(message => message.Id));
        Assert.Equal(5, first.TotalCount);
    }

    [Fact]
    public async Task AddOutboxMessage_LargeAttachment_RoundTripsByteForByte()
    {
        var pdf = new byte[300 * 1024];
        new Random(7).NextBytes(pdf);

        await Store.AddOutboxMessageAsync(Outbox("m-big", minute: 1, attachment: pdf), Cancel);

        var stored = Assert.Single((await Store.ListOutboxAsync(1, 10, Cancel)).Items);
        var attachment = Assert.Single(stored.Message.Attachments!);
        Assert.Equal(("notice.pdf", "application/pdf"), (attachment.Name, attachment.ContentType));
        Assert.Equal(pdf, attachment.Content);
    }

    [Fact]
    public async Task TryMarkProcessed_SameDeliveryTwice_OnlyFirstTimeTrue()
    {
        Assert.True(await Store.TryMarkProcessedAsync("stripe", "evt_1", Now, Cancel));

        Assert.False(await Store.TryMarkProcessedAsync("stripe", "evt_1", Now.AddMinutes(1), Cancel));
        Assert.True(await Store.TryMarkProcessedAsync("mollie", "evt_1", Now, Cancel));
        Assert.True(await Store.TryMarkProcessedAsync("stripe", "evt_2", Now, Cancel));
    }

    [Fact]
    public async Task RecordSentMessage_SameProviderIdTwice_KeepsTheFirstTag()
    {
        await Store.RecordSentMessageAsync("op-1", "invoice-F-1", Now, Cancel);

        await Store.RecordSentMessageAsync("op-1", "invoice-F-2", Now.AddMinutes(1), Cancel);
        await Store.RecordSentMessageAsync("op-2", "invoice-F-2", Now, Cancel);

        Assert.Equal("invoice-F-1", await Store.FindSentMessageTagAsync("op-1", Cancel));
        Assert.Equal("invoice-F-2", await Store.FindSentMessageTagAsync("op-2", Cancel));
    }

    [Fact]
    public async Task FindSentMessageTag_UnknownProviderId_ReturnsNull()
    {
        await Store.RecordSentMessageAsync("op-1", "invoice-F-1", Now, Cancel);

        Assert.Null(await Store.FindSentMessageTagAsync("op-404", Cancel));
    }

    [Fact]
    public async Task RecordSentMessage_BlankProviderId_RefusedNamingTheField()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.RecordSentMessageAsync(" ", "invoice-F-1", Now, Cancel));

        Assert.Equal("providerMessageId", error.ParamName);
    }

    [Fact]
    public async Task UpdateInvoice_RacersFromTheSameRead_ExactlyOneWins()
    {
        var read = (await Store.AddInvoiceAsync(Invoice("F-race"), Cancel)).Record;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Racers).Select(racer =>
            Outcome(() => Store.UpdateInvoiceAsync(read with { BodyHash = $"racer-{racer}" }, Cancel))));

        var winner = Assert.Single(outcomes, outcome => outcome.Result is not null).Result!;
        Assert.All(outcomes.Where(outcome => outcome.Result is null), outcome => Assert.IsType<StoreConflictException>(outcome.Error));
        Assert.Equal(winner, await Store.GetInvoiceAsync("F-race", Cancel));
    }

    [Fact]
    public async Task UpdateApproval_RacingDecisions_ExactlyOneIsRecorded()
    {
        await Store.AddApprovalAsync(Approval("appr-race", "hash-race"), Cancel);
        var read = (await Store.FindApprovalByTokenHashAsync("hash-race", Cancel))!;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Racers).Select(racer =>
            Outcome(() => Store.UpdateApprovalAsync(read with { Decision = "approve", DecidedAt = Now, DecidedBy = $"staff-{racer}" }, Cancel))));

        var winner = Assert.Single(outcomes, outcome => outcome.Result is not null).Result!;
        Assert.All(outcomes.Where(outcome => outcome.Result is null), outcome => Assert.IsType<StoreConflictException>(outcome.Error));
        Assert.Equal(winner, await Store.GetApprovalAsync("appr-race", Cancel));
    }

    [Fact]
    public async Task AddInvoice_RacersWithTheSameNumber_ExactlyOneAdds()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Racers).Select(racer =>
            Store.AddInvoiceAsync(Invoice("F-race", bodyHash: $"racer-{racer}"), Cancel)));

        var added = Assert.Single(results, result => result.Added);
        Assert.All(results, result => Assert.Equal(added.Record, result.Record));
        Assert.Equal(added.Record, await Store.GetInvoiceAsync("F-race", Cancel));
    }

    [Fact]
    public async Task AddPayment_RacersWithTheSamePaymentId_ExactlyOneRecords()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Racers).Select(racer =>
            Store.AddPaymentAsync(Payment("pay-race", "F-1", minute: racer), Cancel)));

        Assert.Single(results, added => added);
        Assert.Single(await Store.ListPaymentsAsync("F-1", Cancel));
    }

    [Theory]
    [InlineData("F/2026#1?")]
    [InlineData("F\\2026%41\t\u0001\u007f\u0085")]
    [InlineData("Fäktüra-请款-😀 ")]
    public async Task AwkwardKeys_RoundTripThroughEveryLookup(string key)
    {
        var debtorId = "D/" + key;
        var invoice = Invoice(key, debtorId: debtorId);

        await Store.AddInvoiceAsync(invoice, Cancel);
        await Store.AddPaymentAsync(Payment("pay/" + key, key, minute: 1), Cancel);
        await Store.AddCallTaskAsync(CallTask("call#" + key, dueInHours: 1, debtorId: debtorId), Cancel);
        await Store.AddApprovalAsync(Approval("appr?" + key, "hash/" + key), Cancel);
        await Store.AppendContactAsync(Contact("c\\" + key, key, debtorId, minute: 1), Cancel);
        await Store.AddOutboxMessageAsync(Outbox("m/" + key, minute: 1), Cancel);

        Assert.Equal(key, (await Store.GetInvoiceAsync(key, Cancel))!.Invoice.Number);
        Assert.Equal(key, Assert.Single(await Store.ListInvoicesOfDebtorAsync(debtorId, Cancel)).Invoice.Number);
        Assert.Equal(key, Assert.Single((await Store.ListInvoicesAsync(null, 1, 10, Cancel)).Items).Invoice.Number);
        Assert.Equal("pay/" + key, Assert.Single(await Store.ListPaymentsAsync(key, Cancel)).PaymentId);
        Assert.Equal("call#" + key, (await Store.GetCallTaskAsync("call#" + key, Cancel))!.Id);
        Assert.Equal("appr?" + key, (await Store.FindApprovalByTokenHashAsync("hash/" + key, Cancel))!.Id);
        Assert.Equal("c\\" + key, Assert.Single(await Store.ListContactsAsync(key, Cancel)).Id);
        Assert.Equal("c\\" + key, Assert.Single(await Store.ListContactsOfDebtorAsync(debtorId, Cancel)).Id);
        Assert.Equal("m/" + key, Assert.Single((await Store.ListOutboxAsync(1, 10, Cancel)).Items).Id);
        Assert.True(await Store.TryMarkProcessedAsync("scope/" + key, key, Now, Cancel));
        Assert.False(await Store.TryMarkProcessedAsync("scope/" + key, key, Now, Cancel));
        await Store.RecordSentMessageAsync("op/" + key, "invoice-" + key, Now, Cancel);
        Assert.Equal("invoice-" + key, await Store.FindSentMessageTagAsync("op/" + key, Cancel));
    }

    private static async Task<(T? Result, Exception? Error)> Outcome<T>(Func<Task<T>> action)
        where T : class
    {
        try
        {
            return (await action(), null);
        }
        catch (StoreConflictException conflict)
        {
            return (null, conflict);
        }
    }
}
