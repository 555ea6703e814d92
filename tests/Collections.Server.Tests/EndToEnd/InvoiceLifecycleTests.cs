using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collections.Server.Tests.Support;
using Collections.Storage;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Collections.Server.Tests.EndToEnd;

/// <summary>The product as a user meets it: the real server, the real invoice workflow on the embedded
/// runtime and the SQLite store, with virtual time moving the workflow's timers.</summary>
public sealed class InvoiceLifecycleTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync(realWorkflows: true);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Invoice_ReminderCallPromiseAndPayment_WorkflowCompletesPaid()
    {
        // The accounting system posts an invoice due on Tuesday 3 March.
        var intake = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-E001", 242m)));
        Assert.Equal(HttpStatusCode.Created, intake.StatusCode);
        await server.Driver.RunUntilIdleAsync();
        var started = await GetInvoiceAsync();
        Assert.Equal("Running", started.GetProperty("workflow").GetProperty("runtimeStatus").GetString());

        // Within two business days of the due date a friendly reminder is in the outbox (no real channel configured).
        await server.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 5, 18, 0, 0, TimeSpan.Zero));
        var outbox = await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox");
        var reminder = Assert.Single(outbox.GetProperty("items").EnumerateArray());
        Assert.Equal("+31612345678", reminder.GetProperty("message").GetProperty("to").GetString());
        Assert.Contains("2026-E001", reminder.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);

        // The reminder's link opens the debtor's own page for this invoice (signed link, no sign-in).
        var debtorLink = new Uri(Regex.Match(reminder.GetProperty("message").GetProperty("text").GetString()!, @"https?://\S+/debtor/\S+").Value);
        var debtorPage = await server.Anonymous.GetAsync(debtorLink.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, debtorPage.StatusCode);
        Assert.Contains("2026-E001", await debtorPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Later a call appears on the staff call list.
        var call = await WaitForCallTaskAsync(until: new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero));

        // Staff record a promise to pay; then the payment provider reports the payment.
        var promisedDate = DateOnly.FromDateTime(server.Time.GetUtcNow().UtcDateTime).AddDays(5);
        var outcome = await server.Client.PostAsJsonAsync($"/api/calls/{call}/outcome", new { outcome = "promise-to-pay", promisedDate, recordedBy = "Sanne" });
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        await server.Driver.AdvanceByAsync(TimeSpan.FromDays(2));

        // The store holds the stage the workflow shows, so the invoice list's stage filter finds the invoice.
        var watching = (await GetInvoiceAsync()).GetProperty("workflow").GetProperty("stage").GetString();
        Assert.Equal("watch-promise", watching);
        var atStage = await server.Store.SearchInvoicesAsync(new InvoiceSearch(DateOnly.FromDateTime(server.Time.GetUtcNow().UtcDateTime), Stage: watching), default);
        Assert.Equal("2026-E001", Assert.Single(atStage.Items).Invoice.Number);

        var paid = await PostSignedPaymentAsync("""{"invoiceNumber":"2026-E001","paymentId":"ideal-77","amount":242.00,"currency":"EUR","paidAt":"PAIDAT"}"""
            .Replace("PAIDAT", server.Time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        await server.Driver.RunUntilIdleAsync();

        var finished = await GetInvoiceAsync();
        Assert.Equal("Completed", finished.GetProperty("workflow").GetProperty("runtimeStatus").GetString());
        Assert.Equal("paid", finished.GetProperty("workflow").GetProperty("outcome").GetString());
        Assert.Equal("paid", finished.GetProperty("status").GetString());
        Assert.Equal(0m, finished.GetProperty("openBalance").GetDecimal());
        var kinds = finished.GetProperty("timeline").EnumerateArray().Select(entry => entry.GetProperty("kind").GetString()).ToList();
        Assert.Contains("message", kinds);
        Assert.Contains("call-task", kinds);
        Assert.Contains("call-outcome", kinds);
        Assert.Contains("payment", kinds);
        Assert.Equal("completed", kinds[^1]);
    }

    [Fact]
    public async Task Payment_BeforeTheInvoiceArrives_WorkflowCompletesPaidWithoutReminding()
    {
        var early = await PostSignedPaymentAsync("""{"invoiceNumber":"2026-E001","paymentId":"ideal-1","amount":242.00,"currency":"EUR","paidAt":"2026-03-01T10:00:00Z"}""");
        Assert.Equal(HttpStatusCode.Accepted, early.StatusCode);

        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-E001", 242m)));
        await server.Driver.AdvanceByAsync(TimeSpan.FromDays(10));

        var invoice = await GetInvoiceAsync();
        Assert.Equal("paid", invoice.GetProperty("workflow").GetProperty("outcome").GetString());
        Assert.Equal(0, (await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Invoice_PostedTwentyTimesConcurrently_OneWorkflowInstance()
    {
        var body = InvoiceJson.Valid("2026-E002").ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => server.Client.PostAsync("/api/invoices", InvoiceJson.Content(body))));
        await server.Driver.RunUntilIdleAsync();

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        var instances = await server.Services.GetRequiredService<Collections.Durable.DurableRuntime>().Client
            .QueryAsync(new Collections.Durable.InstanceQuery());
        Assert.Equal(["invoice-2026-E002"], instances.Instances.Select(instance => instance.InstanceId));
    }

    [Fact]
    public async Task Invoice_NeverAnswered_ApprovalLinkFromEmailApproved_HandedOver()
    {
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-E001", 242m)));
        await server.Driver.RunUntilIdleAsync();

        // Staff call, nobody answers (recorded), nobody pays: after the final notice's term an approval email goes to staff.
        var token = await WaitForApprovalTokenAsync(until: new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

        var page = await server.Anonymous.GetAsync($"/approvals/{token}/approve");
        await server.Driver.RunUntilIdleAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Running", (await GetInvoiceAsync()).GetProperty("workflow").GetProperty("runtimeStatus").GetString());

        var decided = await server.Anonymous.PostAsync($"/approvals/{token}/approve", new FormUrlEncodedContent([]));
        await server.Driver.RunUntilIdleAsync();

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var finished = await GetInvoiceAsync();
        Assert.Equal("handed-over", finished.GetProperty("workflow").GetProperty("outcome").GetString());
        Assert.Equal("handed-over", finished.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await server.Anonymous.PostAsync($"/approvals/{token}/reject", new FormUrlEncodedContent([]))).StatusCode);
        await AssertDossierInTheOutboxAsync();
    }

    /// <summary>The agency's email as the outbox keeps it: the PDF, the JSON and both CSVs open and agree.</summary>
    private async Task AssertDossierInTheOutboxAsync()
    {
        var outbox = await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox");
        var mail = outbox.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("message"))
            .Single(message => message.GetProperty("to").GetString() == "dossiers@incasso.example");
        var attachments = mail.GetProperty("attachments").EnumerateArray()
            .ToDictionary(attachment => attachment.GetProperty("name").GetString()!, attachment => attachment.GetProperty("content").GetBytesFromBase64());
        Assert.Equal(["dossier-2026-E001.pdf", "dossier-2026-E001.json", "dossier-2026-E001-claim.csv", "dossier-2026-E001-contacts.csv"], attachments.Keys);

        using (var pdf = PdfDocument.Open(attachments["dossier-2026-E001.pdf"]))
        {
            Assert.Contains("2026-E001", string.Concat(pdf.GetPages().Select(pdfPage => pdfPage.Text)), StringComparison.Ordinal);
        }

        var json = JsonDocument.Parse(attachments["dossier-2026-E001.json"]).RootElement;
        using var claim = CsvReader.Create(attachments["dossier-2026-E001-claim.csv"], CsvReaderOptions.Default);
        Assert.True(claim.Read());
        Assert.Equal("2026-E001", claim.GetString("invoiceNumber"));
        Assert.Equal(json.GetProperty("amounts").GetProperty("total").GetDecimal(), decimal.Parse(claim.GetString("total"), CultureInfo.InvariantCulture));
        Assert.Equal(json.GetProperty("finalNotice").GetProperty("deadline").GetString(), claim.GetString("finalNoticeDeadline"));
        Assert.False(claim.Read());

        using var contacts = CsvReader.Create(attachments["dossier-2026-E001-contacts.csv"], CsvReaderOptions.Default);
        var summaries = new List<string>();
        while (contacts.Read())
        {
            summaries.Add(contacts.GetString("summary"));
        }

        Assert.Equal(json.GetProperty("contacts").EnumerateArray().Select(contact => contact.GetProperty("summary").GetString()), summaries);
    }

    /// <summary>The token of the approve link in the approval email, as the approver would click it.</summary>
    private async Task<string> WaitForApprovalTokenAsync(DateTimeOffset until)
    {
        while (server.Time.GetUtcNow() < until)
        {
            var outbox = await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox");
            foreach (var item in outbox.GetProperty("items").EnumerateArray())
            {
                var text = item.GetProperty("message").GetProperty("text").GetString()!;
                var match = System.Text.RegularExpressions.Regex.Match(text, "/approvals/([A-Za-z0-9_-]{43,128})/approve");
                if (match.Success)
                {
                    return match.Groups[1].Value;
                }
            }

            await server.RecordNoAnswerOnOpenCallsAsync();
            await server.Driver.AdvanceByAsync(TimeSpan.FromDays(1));
        }

        throw new Xunit.Sdk.XunitException($"No approval email by {until:yyyy-MM-dd}.");
    }

    [Fact]
    public async Task Pause_NoReminderWhilePaused_ResumeThenTheReminderWithTheTimeItHadLeft()
    {
        await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid("2026-E001", 242m)));
        await server.Driver.RunUntilIdleAsync();

        // Paused on Monday 2 March 10:00 (Amsterdam); the reminder was due Wednesday 4 March.
        var paused = await server.Client.PostAsJsonAsync("/api/invoices/2026-E001/pause", new { reason = "owner on holiday", by = "Sanne" });
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        await server.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero));
        Assert.Empty((await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").EnumerateArray());
        Assert.Equal("owner on holiday", (await GetInvoiceAsync()).GetProperty("paused").GetProperty("reason").GetString());

        var resumed = await server.Client.PostAsync("/api/invoices/2026-E001/resume", null);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        await server.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 17, 18, 0, 0, TimeSpan.Zero));
        Assert.Empty((await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").EnumerateArray());
        await server.Driver.AdvanceToAsync(new DateTimeOffset(2026, 3, 18, 18, 0, 0, TimeSpan.Zero));

        // Two days before the pause were left: the reminder goes out two days after resuming.
        var reminder = Assert.Single((await server.Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").EnumerateArray());
        Assert.Equal(new DateOnly(2026, 3, 18), DateOnly.FromDateTime(reminder.GetProperty("storedAt").GetDateTimeOffset().UtcDateTime));
        var kinds = (await GetInvoiceAsync()).GetProperty("timeline").EnumerateArray().Select(entry => entry.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["chasing-paused", "chasing-resumed", "message"], kinds);
    }

    private async Task<JsonElement> GetInvoiceAsync() => await server.Client.GetFromJsonAsync<JsonElement>("/api/invoices/2026-E001");

    private async Task<string> WaitForCallTaskAsync(DateTimeOffset until)
    {
        while (server.Time.GetUtcNow() < until)
        {
            var calls = await server.Client.GetFromJsonAsync<JsonElement>("/api/calls");
            if (calls.GetArrayLength() > 0)
            {
                return calls[0].GetProperty("id").GetString()!;
            }

            await server.Driver.AdvanceByAsync(TimeSpan.FromHours(1));
        }

        throw new Xunit.Sdk.XunitException($"No call task by {until:yyyy-MM-dd}: {await server.Client.GetStringAsync("/api/invoices/2026-E001")}");
    }

    private Task<HttpResponseMessage> PostSignedPaymentAsync(string body)
    {
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(RunningServer.WebhookSecret), Encoding.UTF8.GetBytes(body));
        content.Headers.Add("X-Signature", "sha256=" + Convert.ToHexStringLower(signature));
        return server.Anonymous.PostAsync("/api/webhooks/payments", content);
    }
}
