using System.Net;
using Collections.Handlers.Approvals;
using Collections.Server.Tests.Support;
using Collections.Storage;

namespace Collections.Server.Tests.Api;

public sealed class ApprovalPagesTests : IAsyncLifetime
{
    private RunningServer server = null!;
    private string token = null!;

    public async Task InitializeAsync()
    {
        server = await RunningServer.StartAsync();
        await TestInvoices.SeedAsync(server.Store, "2026-1100", 1250m);
        token = NewToken();
        var hash = ApprovalToken.Hash(token);
        var now = server.Time.GetUtcNow();
        await server.Store.AddApprovalAsync(
            new ApprovalRecord("approval-1", "2026-1100", "invoice-2026-1100", "hand-over", hash, now, now.AddDays(7)),
            CancellationToken.None);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Get_History_ToldInThePagesLanguage_NotTheStoredEnglishSummary()
    {
        await server.Store.AppendContactAsync(
            new ContactLogEntry(
                "c-final", "2026-1100", "D-1", server.Time.GetUtcNow().AddDays(-20), Collections.Activities.ContactKinds.Message,
                "final notice (formal) by email", Collections.Invoices.Channel.Email, "formal", DataJson: """{"kind":"final-notice","deadline":"2026-03-01"}"""),
            CancellationToken.None);

        var html = await server.Anonymous.GetStringAsync($"/approvals/{token}");

        Assert.Contains("Laatste aanmaning (formeel) per e-mail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("final notice (formal) by email", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ValidToken_ShowsRequestWithButtonsAndChangesNothing()
    {
        var first = await server.Anonymous.GetAsync($"/approvals/{token}");
        var second = await server.Anonymous.GetAsync($"/approvals/{token}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains("2026-1100", html, StringComparison.Ordinal);
        Assert.Contains("Bakkerij De Korenbloem", html, StringComparison.Ordinal);
        Assert.Contains("value=\"approve\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"reject\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"keep-in-house\"", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\"", html, StringComparison.Ordinal);
        Assert.Equal("no-referrer", first.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("noindex", first.Headers.GetValues("X-Robots-Tag").Single());
        Assert.True(first.Headers.CacheControl!.NoStore);
        Assert.Contains("frame-ancestors 'none'", first.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Null((await server.Store.GetApprovalAsync("approval-1", default))!.Decision);
        Assert.Empty(server.Workflows.Events);
    }

    [Fact]
    public async Task Get_EnglishAskedFor_EnglishPage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/approvals/{token}/approve");
        request.Headers.AcceptLanguage.ParseAdd("en-GB");

        var response = await server.Anonymous.SendAsync(request);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Approve hand-over to a collection agency?", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    public async Task Get_EmailLinkWithDecision_ShowsPageAndChangesNothing(string decision)
    {
        var response = await server.Anonymous.GetAsync($"/approvals/{token}/{decision}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var form = html[html.IndexOf("<form", StringComparison.Ordinal)..];
        Assert.StartsWith($"value=\"{decision}\"", form[form.IndexOf("value=", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Null((await server.Store.GetApprovalAsync("approval-1", default))!.Decision);
    }

    [Fact]
    public async Task Post_EmailLinkPath_RecordsThatDecision()
    {
        var response = await server.Anonymous.PostAsync($"/approvals/{token}/reject", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("reject", (await server.Store.GetApprovalAsync("approval-1", default))!.Decision);
    }

    [Fact]
    public async Task Post_HexTokenAsTheWorkflowDerivesIt_Recorded()
    {
        var hexToken = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var now = server.Time.GetUtcNow();
        await server.Store.AddApprovalAsync(
            new ApprovalRecord("approval-2", "2026-1100", "invoice-2026-1100", "hand-over", ApprovalToken.Hash(hexToken), now, now.AddDays(7)),
            CancellationToken.None);

        var response = await DecideAsync(hexToken, "approve");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("approve", (await server.Store.GetApprovalAsync("approval-2", default))!.Decision);
    }

    [Fact]
    public async Task Post_Approve_RecordedOnceAndRaised()
    {
        var response = await DecideAsync(token, "approve");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Uw beslissing is vastgelegd", html, StringComparison.Ordinal);
        Assert.Contains("U hebt de overdracht goedgekeurd", html, StringComparison.Ordinal);
        Assert.Equal("approve", (await server.Store.GetApprovalAsync("approval-1", default))!.Decision);
        Assert.Equal(["approval-decided"], server.Workflows.EventsFor("2026-1100"));
    }

    [Fact]
    public async Task Post_KeepInHouse_RecordedAndRaised()
    {
        var response = await DecideAsync(token, "keep-in-house");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("De factuur blijft open; de medewerkers hebben er een taak voor.", html, StringComparison.Ordinal);
        Assert.Equal("keep-in-house", (await server.Store.GetApprovalAsync("approval-1", default))!.Decision);
        Assert.Equal(["approval-decided"], server.Workflows.EventsFor("2026-1100"));
    }

    [Fact]
    public async Task Post_Reused_409AndFirstDecisionStands()
    {
        await DecideAsync(token, "reject");

        var reused = await DecideAsync(token, "approve");

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("reject", (await server.Store.GetApprovalAsync("approval-1", default))!.Decision);
        Assert.Single(server.Workflows.EventsFor("2026-1100"));
    }

    [Fact]
    public async Task Post_TenRacingDecisions_ExactlyOneRecorded()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(index => DecideAsync(token, index % 2 == 0 ? "approve" : "reject")));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.OK);
        Assert.Equal(9, responses.Count(response => response.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(server.Workflows.EventsFor("2026-1100"));
    }

    [Fact]
    public async Task GetAndPost_TamperedToken_404NothingRecorded()
    {
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];

        var page = await server.Anonymous.GetAsync($"/approvals/{tampered}");
        var post = await DecideAsync(tampered, "approve");
        var garbage = await server.Anonymous.GetAsync("/approvals/not-a-token");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.Null((await server.Store.GetApprovalAsync("approval-1", default))!.Decision);
    }

    [Fact]
    public async Task GetAndPost_Expired_410NothingRecorded()
    {
        server.Time.Advance(TimeSpan.FromDays(8));

        var page = await server.Anonymous.GetAsync($"/approvals/{token}");
        var post = await DecideAsync(token, "approve");

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Null((await server.Store.GetApprovalAsync("approval-1", default))!.Decision);
        Assert.Empty(server.Workflows.Events);
    }

    [Fact]
    public async Task Post_WithoutDecision_400()
    {
        var response = await server.Anonymous.PostAsync($"/approvals/{token}", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await server.Store.GetApprovalAsync("approval-1", default))!.Decision);
    }

    [Fact]
    public void TokenHash_SameAsTheWorkflowStores()
    {
        Assert.Equal(Collections.Activities.InvoiceActivities.Hash(token), ApprovalToken.Hash(token));
        Assert.DoesNotContain(token, ApprovalToken.Hash(token), StringComparison.Ordinal);
    }

    private static string NewToken() => System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private Task<HttpResponseMessage> DecideAsync(string approvalToken, string decision) =>
        server.Anonymous.PostAsync($"/approvals/{approvalToken}", new FormUrlEncodedContent([KeyValuePair.Create("decision", decision)]));
}
