using System.Net;
using Collections.Server.Tests.Support;
using Collections.Web.Staff;
using Microsoft.Playwright;

namespace Collections.Server.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StaffSignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task StaffPage_NotSignedIn_RedirectsToSignInAndBack()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/staff/calls");
        Assert.Contains("/staff/sign-in", page.Url, StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAsync(page, "sign-in");

        await page.GetByLabel("Gebruikersnaam").FillAsync(BrowserFixture.StaffUser);
        await page.GetByLabel("Wachtwoord").FillAsync(BrowserFixture.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();

        Assert.EndsWith("/staff/calls", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Afmelden (Sanne de Vries)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_ErrorAndStillSignedOut()
    {
        var page = await fixture.NewPageAsync();

        await PageChecks.SignInAsync(page, password: "not the password", expectFailure: true);

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("naam en wachtwoord");
        await page.GotoAsync("/staff/calls");
        Assert.Contains("/staff/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_TooManyWrongPasswords_RefusalMessageAndRightPasswordRefusedToo()
    {
        // Its own server, so these failures do not lock the shared one's account or address for other tests.
        await using var server = await BrowserFixture.StartServerAsync();
        var page = await fixture.NewPageAsync(server: server.Address);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await PageChecks.SignInAsync(page, password: "not the password", expectFailure: true);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("naam en wachtwoord");
        }

        var refusal = await page.RunAndWaitForResponseAsync(
            () => PageChecks.SignInAsync(page, expectFailure: true),
            response => response.Request.Method == "POST" && response.Url.EndsWith("/staff/sign-in", StringComparison.Ordinal));

        Assert.Equal(429, refusal.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Te veel aanmeldpogingen zijn mislukt. Probeer het na 10:15 opnieuw.");
        await Assertions.Expect(page.GetByLabel("Gebruikersnaam")).ToHaveValueAsync(BrowserFixture.StaffUser);
        await PageChecks.AssertAccessibleAsync(page, "sign-in-refused");
        await page.GotoAsync("/staff/calls");
        Assert.Contains("/staff/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_HashFromHelper_SignsInAndSignOutEndsSession()
    {
        var page = await fixture.NewPageAsync();

        await PageChecks.SignInAsync(page, BrowserFixture.SecondUser, BrowserFixture.SecondPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden (joris)" }).ClickAsync();
        await page.WaitForURLAsync("**/staff/sign-in");
        await page.GotoAsync("/staff/calls");

        Assert.Contains("/staff/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_RefusedNotSignedIn()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.Address };

        var response = await client.PostAsync("/staff/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = BrowserFixture.StaffUser,
            ["password"] = BrowserFixture.StaffPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(cookie => cookie.StartsWith("collections-staff=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TrustedHeader_WhenTrusted_SignsInWithoutPassword()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.Address };
        client.DefaultRequestHeaders.Add(StaffAuthentication.PrincipalNameHeader, "anna@example.nl");

        var response = await client.GetAsync("/staff/calls");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("anna@example.nl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB,en;q=0.9", null, "Sign in", "lang=\"en\"")]
    [InlineData("de-DE,en;q=0.5", null, "Sign in", "lang=\"en\"")]
    [InlineData("fr-FR", null, "Aanmelden", "lang=\"nl\"")]
    [InlineData("en-GB", "nl", "Aanmelden", "lang=\"nl\"")]
    public async Task SignInPage_Language_FromQueryElseAcceptLanguageElseDutch(string acceptLanguage, string? query, string heading, string htmlLang)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff/sign-in" + (query is null ? string.Empty : "?lang=" + query));
        request.Headers.Add("Accept-Language", acceptLanguage);

        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = fixture.Server.Address };
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(htmlLang, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrustedHeader_NotTrusted_Ignored()
    {
        await using var server = await RunningServer.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Add(StaffAuthentication.PrincipalNameHeader, "mallory@example.nl");

        var response = await client.GetAsync("/staff/calls");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
