using System.Net;
using Collections.Server.Tests.Support;
using Collections.Web.Staff;

namespace Collections.Server.Tests.Staff;

/// <summary>The sign-in page as a Razor component over real HTTP: the layout, the framework's encoding,
/// the pages' headers and the language.</summary>
public sealed class SignInPageTests
{
    private const string User = "sanne";

    [Fact]
    public async Task SignInPage_Dutch_LayoutHeadersAndAntiforgeryField()
    {
        await using var server = await StartAsync();
        using var form = new SignInForm(server.Address);

        using var response = await form.Client.GetAsync("/staff/sign-in?returnUrl=/staff/overview");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Aanmelden — Collections</title>", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"><h1>Aanmelden</h1>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/staff/overview\"", html, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en\">English</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-describedby", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.NotEmpty(await form.TokenAsync("/staff/sign-in"));
    }

    [Fact]
    public async Task SignInFailed_UserNameWithMarkup_EncodedAndErrorDescribesTheFields()
    {
        await using var server = await StartAsync();
        using var form = new SignInForm(server.Address, language: "en-GB");

        using var failed = await form.PostAsync("<b>\"x\"</b>", "wrong");
        var html = await failed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"&lt;b&gt;&quot;x&quot;&lt;/b&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"sign-in-error\"", html, StringComparison.Ordinal);
        Assert.Equal("We do not know this combination of name and password. Please try again.", await SignInForm.AlertAsync(failed));
    }

    private static Task<RunningServer> StartAsync() => RunningServer.StartAsync(
    [
        $"--Collections:Staff:Users:0:UserName={User}",
        $"--Collections:Staff:Users:0:PasswordHash={StaffPasswords.Hash("correct horse battery")}",
    ]);
}
