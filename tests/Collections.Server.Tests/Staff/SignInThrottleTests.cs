using System.Net;
using Collections.Server.Tests.Support;
using Collections.Web.Staff;
using Microsoft.Extensions.Options;

namespace Collections.Server.Tests.Staff;

/// <summary>The sign-in limit over real HTTP against the real server; the server's fake clock stands still
/// unless a test advances it (it starts at 2026-03-02 09:00 UTC, 10:00 in Amsterdam).</summary>
public sealed class SignInThrottleTests
{
    private const string User = "sanne";
    private const string Password = "correct horse battery";
    private const string Wrong = "not the password";

    private static readonly string PasswordHash = StaffPasswords.Hash(Password);

    [Fact]
    public async Task SignIn_FiveWrongPasswords_SixthRefusedWith429EvenWithTheRightPassword()
    {
        await using var server = await StartAsync();
        using var form = new SignInForm(server.Address);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await form.PostAsync(User, Wrong)).StatusCode);
        }

        var refused = await form.PostAsync(User, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("Te veel aanmeldpogingen zijn mislukt. Probeer het na 10:15 opnieuw.", await SignInForm.AlertAsync(refused));
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(cookie => cookie.StartsWith("collections-staff=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_Refused_MessageInEnglishWhenThePageIsEnglish()
    {
        await using var server = await StartAsync(["--Collections:Staff:SignInLimit:AccountFailures=1"]);
        using var form = new SignInForm(server.Address, language: "en-GB");
        await form.PostAsync(User, Wrong);

        var refused = await form.PostAsync(User, Wrong);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many sign-in attempts have failed. Please try again after 10:15.", await SignInForm.AlertAsync(refused));
    }

    [Fact]
    public async Task SignIn_WindowPassed_SignsInAgain()
    {
        await using var server = await StartAsync();
        using var form = new SignInForm(server.Address);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await form.PostAsync(User, Wrong);
        }

        server.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        var stillRefused = await form.PostAsync(User, Password);
        server.Time.Advance(TimeSpan.FromSeconds(1));
        var signedIn = await form.PostAsync(User, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), stillRefused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/staff/calls", signedIn.Headers.Location?.ToString());
    }

    [Fact]
    public async Task SignIn_Success_ResetsTheAccountsFailures()
    {
        await using var server = await StartAsync();
        using var form = new SignInForm(server.Address);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await form.PostAsync(User, Wrong);
        }

        Assert.Equal(HttpStatusCode.SeeOther, (await form.PostAsync(User, Password)).StatusCode);
        var afterSuccess = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            afterSuccess.Add((await form.PostAsync(User, Wrong)).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], afterSuccess);
    }

    [Fact]
    public async Task SignIn_TwentyNamesFailedFromOneAddress_AddressRefusedForEveryName()
    {
        await using var server = await StartAsync();
        using var form = new SignInForm(server.Address);
        for (var name = 1; name <= 20; name++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await form.PostAsync($"guess{name}", Wrong)).StatusCode);
        }

        var refused = await form.PostAsync(User, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task SignIn_SuccessfulSignIns_DoNotCountAgainstTheAddress()
    {
        await using var server = await StartAsync(["--Collections:Staff:SignInLimit:ClientFailures=2"]);
        using var form = new SignInForm(server.Address);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            statuses.Add((await form.PostAsync(User, Password)).StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.SeeOther, status));
    }

    [Fact]
    public async Task SignIn_UnknownAccount_ThrottledExactlyLikeAKnownOne()
    {
        await using var server = await StartAsync();
        using var form = new SignInForm(server.Address);
        var known = new List<HttpResponseMessage>();
        var unknown = new List<HttpResponseMessage>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            known.Add(await form.PostAsync(User, Wrong));
            unknown.Add(await form.PostAsync("nobody", Wrong));
        }

        Assert.Equal(known.Select(response => response.StatusCode), unknown.Select(response => response.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, unknown[^1].StatusCode);
        Assert.Equal(known[^1].Headers.RetryAfter, unknown[^1].Headers.RetryAfter);
        Assert.Equal(await SignInForm.AlertAsync(known[0]), await SignInForm.AlertAsync(unknown[0]));
        Assert.Equal(await SignInForm.AlertAsync(known[^1]), await SignInForm.AlertAsync(unknown[^1]));
    }

    [Fact]
    public async Task SignIn_NameInOtherCaseAndSpaces_CountsAsTheSameAccount()
    {
        await using var server = await StartAsync(["--Collections:Staff:SignInLimit:AccountFailures=2"]);
        using var form = new SignInForm(server.Address);
        await form.PostAsync("Sanne", Wrong);
        await form.PostAsync(" SANNE ", Wrong);

        var refused = await form.PostAsync(User, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Theory]
    [InlineData("AccountFailures", "0")]
    [InlineData("ClientFailures", "-1")]
    [InlineData("ClientFailures", "1001")]
    [InlineData("Window", "00:00:00")]
    [InlineData("Window", "2.00:00:00")]
    public async Task Start_SignInLimitOutOfRange_FailsNamingTheSetting(string setting, string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync([$"--Collections:Staff:SignInLimit:{setting}={value}"]));

        Assert.Contains($"Collections:Staff:SignInLimit:{setting} must be", failure.Message, StringComparison.Ordinal);
    }

    private static Task<RunningServer> StartAsync(IEnumerable<string>? limits = null) => RunningServer.StartAsync(
    [
        $"--Collections:Staff:Users:0:UserName={User}",
        $"--Collections:Staff:Users:0:PasswordHash={PasswordHash}",
        .. limits ?? [],
    ]);
}
