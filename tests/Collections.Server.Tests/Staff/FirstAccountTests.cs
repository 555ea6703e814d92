using System.Net;
using Collections.Server.Tests.Support;
using Collections.Web.Hosting;
using Collections.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Collections.Server.Tests.Staff;

/// <summary>The first-run page: with no staff account, the server itself (127.0.0.1) makes the first one.</summary>
public sealed class FirstAccountTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task NoAccount_SignInLeadsToTheForm_WhichMakesTheAccountAsStaffAddDoes_AndSignsIn()
    {
        await using var server = await RunningServer.StartAsync([]);
        using var form = new SignInForm(server.Address);

        using var signIn = await form.Client.GetAsync("/staff/sign-in");
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal(FirstAccountEndpoints.Path, signIn.Headers.Location?.OriginalString);

        using var tooShort = await PostAsync(form, "sanne", "Sanne de Vries", "short", "short");
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal("Het wachtwoord moet minstens 10 tekens hebben. Er is geen account gemaakt.", await SignInForm.AlertAsync(tooShort));
        using var differ = await PostAsync(form, "sanne", "Sanne de Vries", Password, Password + "!");
        Assert.Equal("De twee wachtwoorden verschillen. Er is geen account gemaakt.", await SignInForm.AlertAsync(differ));
        Assert.Empty(StaffAccountFile.Load(server.DataPath));

        using var made = await PostAsync(form, "sanne", "Sanne de Vries", Password, Password);
        Assert.Equal(HttpStatusCode.SeeOther, made.StatusCode);
        Assert.Equal(SignInEndpoints.DefaultStart, made.Headers.Location?.OriginalString);
        using var calls = await form.Client.GetAsync("/staff/calls");
        Assert.Equal(HttpStatusCode.OK, calls.StatusCode);

        var account = Assert.Single(StaffAccountFile.Load(server.DataPath));
        Assert.Equal(("sanne", "Sanne de Vries"), (account.UserName, account.DisplayName));
        Assert.True(StaffPasswords.Verify(account.PasswordHash, Password));

        // Once an account exists the page is gone, and the account signs in like any other.
        using var again = new SignInForm(server.Address);
        using var offered = await again.Client.GetAsync(FirstAccountEndpoints.Path);
        Assert.Equal(HttpStatusCode.SeeOther, offered.StatusCode);
        Assert.Equal("/staff/sign-in", offered.Headers.Location?.OriginalString);
        using var signedIn = await again.PostAsync("sanne", Password);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
    }

    [Fact]
    public async Task AnAccountConfigured_TheFormIsNotOffered_AndAPostMakesNothing()
    {
        await using var server = await RunningServer.StartAsync(
            ["--Collections:Staff:Users:0:UserName=sanne", $"--Collections:Staff:Users:0:PasswordHash={StaffPasswords.Hash(Password)}"]);
        using var form = new SignInForm(server.Address);

        using var signIn = await form.Client.GetAsync("/staff/sign-in");
        var token = await form.TokenAsync("/staff/sign-in");
        using var post = await form.Client.PostAsync(FirstAccountEndpoints.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__form"] = token, ["userName"] = "mallory", ["password"] = Password, ["repeat"] = Password,
        }));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.Empty(StaffAccountFile.Load(server.DataPath));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("192.0.2.10", false)]
    [InlineData("2001:db8::5", false)]
    public void Offered_OnlyAtTheServerItself(string address, bool offered)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "collections-first-account", Guid.NewGuid().ToString("N"));
        var accounts = new StaffAccounts(Options.Create(new StaffOptions()), Options.Create(new CollectionsOptions { DataPath = dataPath }));
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);

        Assert.Equal(offered, FirstAccountEndpoints.Offered(http, accounts));
    }

    private static async Task<HttpResponseMessage> PostAsync(SignInForm form, string userName, string displayName, string password, string repeat)
    {
        var token = await form.TokenAsync(FirstAccountEndpoints.Path);
        return await form.Client.PostAsync(FirstAccountEndpoints.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__form"] = token, ["userName"] = userName, ["displayName"] = displayName, ["password"] = password, ["repeat"] = repeat,
        }));
    }
}
