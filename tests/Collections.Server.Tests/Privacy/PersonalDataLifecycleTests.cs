using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Privacy;

/// <summary>Retention, subject access and erasure as an operator meets them: the real server, the real workflow on the
/// embedded runtime and the SQLite store under virtual time; the files on disk searched for the debtor's data.</summary>
public sealed class PersonalDataLifecycleTests : IAsyncLifetime
{
    private const string Invoice = "2026-E001";
    private const string DebtorId = "debtor-17";
    private const string CallNote = "Said she lost her job";

    // The debtor's name, email and phone (InvoiceJson.Valid; the phone as stored, E.164) and a call note.
    private static readonly string[] PersonalData = ["Korenbloem", "korenbloem.example", "612345678", CallNote];

    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync(realWorkflows: true);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task FullLadderHandedOver_RetentionPeriodsPass_NoPersonalDataInAnyFileAndTheProofStays()
    {
        await FullLadder.RunAsync(server, Invoice, CallNote);
        Assert.All(PersonalData, value => Assert.Contains(value, StoredText(), StringComparison.Ordinal));
        var proofBefore = await ProofAsync();
        Assert.Contains("final-notice", proofBefore);

        // 31 days after the close the call notes go (and the workflow's history with them); the contact details stay.
        await server.Driver.AdvanceByAsync(TimeSpan.FromDays(31));
        var notesPlan = await server.Client.GetFromJsonAsync<JsonElement>("/api/privacy/retention");
        Assert.Equal("notes", Assert.Single(notesPlan.EnumerateArray()).GetProperty("level").GetString());
        await RunSweepAsync(expectRedacted: 1);
        AssertNowhere(CallNote);
        Assert.Contains("Korenbloem", StoredText(), StringComparison.Ordinal);
        Assert.False((await server.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{Invoice}")).TryGetProperty("workflow", out _));

        // 180 days after the close nothing personal is left; a second sweep finds nothing to do.
        await server.Driver.AdvanceByAsync(TimeSpan.FromDays(150));
        await RunSweepAsync(expectRedacted: 1);
        await RunSweepAsync(expectRedacted: 0);

        Assert.All(PersonalData, AssertNowhere);
        var invoice = (await server.Store.GetInvoiceAsync(Invoice, default))!;
        Assert.Equal(("handed-over", 242m, new DateOnly(2026, 3, 3)), (invoice.Status, invoice.Invoice.Amount, invoice.Invoice.DueDate));
        Assert.Equal(proofBefore, await ProofAsync());
    }

    [Fact]
    public async Task HardshipReasonAndWhatTheDebtorWrote_GoAfterTheNotesPeriod_TheInvoicesOtherDataStays()
    {
        const string hardship = "Schuldhulpverlening via de gemeente gestart";
        const string wrote = "Ik ben mijn baan kwijt, sorry";
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid(Invoice, 242m)));
        await server.Driver.RunUntilIdleAsync();
        var call = await FirstCallAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.Client.PostAsJsonAsync($"/api/calls/{call}/outcome", new { outcome = "hardship", reason = hardship, recordedBy = "Sanne" })).StatusCode);
        await server.Store.AppendContactAsync(new Collections.Storage.ContactLogEntry(
            "inbound:test-1", Invoice, DebtorId, server.Time.GetUtcNow(), "debtor-wrote", "The debtor wrote (per WhatsApp): " + wrote, Collections.Invoices.Channel.WhatsApp, Text: wrote), default);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.PostAsJsonAsync($"/api/invoices/{Invoice}/cancel", new { reason = "Afgeboekt na schuldhulp" })).StatusCode);
        await server.Driver.RunUntilIdleAsync();
        Assert.Contains(hardship, StoredText(), StringComparison.Ordinal);

        await server.Driver.AdvanceByAsync(TimeSpan.FromDays(31));
        await RunSweepAsync(expectRedacted: 1);

        AssertNowhere(hardship);
        AssertNowhere(wrote);
        var invoice = (await server.Store.GetInvoiceAsync(Invoice, default))!;
        Assert.Equal(("Bakkerij De Korenbloem", "administratie@korenbloem.example", 242m), (invoice.Invoice.Debtor.Name, invoice.Invoice.Debtor.Email, invoice.Invoice.Amount));
        Assert.Contains(await server.Store.ListContactsAsync(Invoice, default), entry => entry.Kind == "message");
    }

    private async Task<string> FirstCallAsync()
    {
        for (var halfDay = 0; halfDay < 60; halfDay++)
        {
            var calls = await server.Client.GetFromJsonAsync<JsonElement>("/api/calls");
            if (calls.GetArrayLength() > 0)
            {
                return calls[0].GetProperty("id").GetString()!;
            }

            await server.Driver.AdvanceByAsync(TimeSpan.FromHours(12));
        }

        throw new Xunit.Sdk.XunitException("No call task in 30 days.");
    }

    [Fact]
    public async Task Export_ClosedInvoice_HoldsEveryStoredItemOfTheDebtor()
    {
        await FullLadder.RunAsync(server, Invoice, CallNote);

        var export = await server.Client.GetFromJsonAsync<JsonElement>($"/api/debtors/{DebtorId}/personal-data");

        Assert.Equal(Invoice, Assert.Single(export.GetProperty("invoices").EnumerateArray()).GetProperty("invoice").GetProperty("number").GetString());
        Assert.Equal(
            (await server.Store.ListContactsOfDebtorAsync(DebtorId, default)).Select(entry => entry.Id),
            export.GetProperty("contactLog").EnumerateArray().Select(entry => entry.GetProperty("id").GetString()));
        Assert.Equal(
            (await server.Store.ListCallTasksOfDebtorAsync(DebtorId, default)).Select(task => task.Id),
            export.GetProperty("callTasks").EnumerateArray().Select(task => task.GetProperty("id").GetString()));
        var outbox = (await server.Store.ListOutboxOfWorkflowAsync("invoice-" + Invoice, default)).Select(message => message.Id).ToList();
        Assert.NotEmpty(outbox);
        Assert.Equal(outbox, export.GetProperty("outbox").EnumerateArray().Select(message => message.GetProperty("id").GetString()));
        Assert.Equal("Completed", Assert.Single(export.GetProperty("workflows").EnumerateArray()).GetProperty("view").GetProperty("runtimeStatus").GetString());
        var page = await server.Client.GetStringAsync($"/api/debtors/{DebtorId}/personal-data?format=html");
        Assert.Contains("Bakkerij De Korenbloem", page, StringComparison.Ordinal);
        Assert.Contains(CallNote, page, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>Personal data held about debtor {DebtorId}</h1>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownFormatOrDebtor_ProblemDocuments()
    {
        var badFormat = await server.Client.GetAsync($"/api/debtors/{DebtorId}/personal-data?format=pdf");
        var unknown = await server.Client.GetAsync("/api/debtors/nobody/personal-data");

        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(["format"], await ProblemDocument.ErrorFieldsAsync(badFormat));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Erasure_OpenInvoice_RefusedWithTheReasonAndNothingChanges()
    {
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid(Invoice, 242m)));
        await server.Driver.RunUntilIdleAsync();

        var refused = await server.Client.PostAsync($"/api/debtors/{DebtorId}/erasure", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (await ProblemDocument.ReadAsync(refused)).GetProperty("detail").GetString();
        Assert.Contains(Invoice, detail, StringComparison.Ordinal);
        Assert.Contains("open", detail, StringComparison.Ordinal);
        Assert.Equal("Bakkerij De Korenbloem", (await server.Store.GetInvoiceAsync(Invoice, default))!.Invoice.Debtor.Name);
        Assert.Equal("Running", (await server.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{Invoice}")).GetProperty("workflow").GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task Erasure_ClosedInvoice_ErasedAtOnceKeepingTheProof_AndAgainIsAlreadyDone()
    {
        await FullLadder.RunAsync(server, Invoice, CallNote);

        var erased = await server.Client.PostAsync($"/api/debtors/{DebtorId}/erasure", null);
        var again = await server.Client.PostAsync($"/api/debtors/{DebtorId}/erasure", null);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal([Invoice], (await erased.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erased").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal([Invoice], (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyErased").EnumerateArray().Select(item => item.GetString()));
        Assert.All(PersonalData, AssertNowhere);
        var audit = (await server.Store.ListContactsAsync(Invoice, default)).Single(entry => entry.Kind == "personal-data-purged");
        Assert.Contains("art. 17", audit.Summary, StringComparison.Ordinal);
        Assert.Contains("final-notice", await ProofAsync());
    }

    private async Task RunSweepAsync(int expectRedacted)
    {
        var response = await server.Client.PostAsync("/api/privacy/retention/run", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expectRedacted, report.GetProperty("redacted").GetArrayLength());
        Assert.Equal(0, report.GetProperty("waiting").GetArrayLength());
    }

    /// <summary>What the creditor keeps as proof: the kinds of the contact log's messages and closing entries, in order.</summary>
    private async Task<List<string>> ProofAsync()
    {
        var entries = await server.Store.ListContactsAsync(Invoice, default);
        return [.. entries
            .Where(entry => entry.Kind is "message" or "payment" or "handed-over" or "completed")
            .Select(entry => entry.Kind == "message" ? JsonDocument.Parse(entry.DataJson!).RootElement.GetProperty("kind").GetString()! : entry.Kind)];
    }

    private string StoredText() => string.Concat(StoredFiles().Select(file => file.Text));

    /// <summary>Fails naming each file that still holds <paramref name="value"/>, with the text around it.</summary>
    private void AssertNowhere(string value)
    {
        var found = StoredFiles()
            .Where(file => file.Text.Contains(value, StringComparison.Ordinal))
            .Select(file =>
            {
                var at = file.Text.IndexOf(value, StringComparison.Ordinal);
                return $"{Path.GetFileName(file.Path)}: …{file.Text[Math.Max(0, at - 300)..Math.Min(file.Text.Length, at + 100)].Replace('\0', '.')}…";
            })
            .ToList();
        Assert.True(found.Count == 0, $"'{value}' is still stored in: {string.Join("\n", found)}");
    }

    /// <summary>Every file in the server's data folder (the store's and the runtime's SQLite files with their WALs).</summary>
    private List<(string Path, string Text)> StoredFiles()
    {
        var files = Directory.GetFiles(server.DataPath, "*", SearchOption.AllDirectories);
        Assert.True(files.Count(file => file.EndsWith(".db", StringComparison.Ordinal)) >= 2, string.Join(", ", files));
        var stored = new List<(string, string)>();
        foreach (var path in files)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            file.CopyTo(bytes);
            stored.Add((path, Encoding.UTF8.GetString(bytes.ToArray())));
        }

        return stored;
    }
}
