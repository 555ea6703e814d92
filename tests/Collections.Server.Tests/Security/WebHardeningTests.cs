using System.Net;
using System.Text;
using Collections.Web.Staff;
using Collections.Server.Tests.Staff;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Security;

/// <summary>Issue 13: the holes an attacker finds, each tried over real HTTP against the real server.</summary>
public sealed class WebHardeningTests : IAsyncLifetime
{
    private const string User = "sanne";
    private const string Password = "correct horse battery";

    private static readonly string PasswordHash = StaffPasswords.Hash(Password);

    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync([
        $"--Collections:Staff:Users:0:UserName={User}",
        $"--Collections:Staff:Users:0:PasswordHash={PasswordHash}",
        "--Collections:Limits:PostsPerWindow=5",
    ]);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData("/\t/evil.example/x")]
    [InlineData("/\n/evil.example/x")]
    [InlineData("/ /evil.example/x")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("https://evil.example/x")]
    public async Task SignIn_ReturnUrlLeavingTheSite_GoesToTheStartPageInstead(string returnUrl)
    {
        using var form = new SignInForm(server.Address);

        var response = await form.PostAsync(User, Password, returnUrl);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(SignInEndpoints.DefaultStart, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_LocalReturnUrl_Kept()
    {
        using var form = new SignInForm(server.Address);

        var response = await form.PostAsync(User, Password, "/staff/invoices/2026-0001");

        Assert.Equal("/staff/invoices/2026-0001", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignOut_OldCookieReplayed_OpensNothing()
    {
        using var form = new SignInForm(server.Address);
        await form.PostAsync(User, Password);
        var stolen = form.Cookies.GetCookieHeader(server.Address);
        Assert.Equal(HttpStatusCode.OK, (await form.Client.GetAsync("/staff/calls")).StatusCode);

        var token = await form.TokenAsync("/staff/calls");
        var signedOut = await form.Client.PostAsync("/staff/sign-out", new FormUrlEncodedContent([KeyValuePair.Create("__form", token)]));
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/staff/calls");
        replay.Headers.Add("Cookie", stolen);
        using var attacker = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Address };
        var replayed = await attacker.SendAsync(replay);

        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, replayed.StatusCode);
        Assert.StartsWith("/staff/sign-in", replayed.Headers.Location?.PathAndQuery ?? replayed.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/staff/sign-in")]
    [InlineData("/debtor/2026-0001/paid")]
    [InlineData("/approvals/some-token")]
    public async Task FormPost_TenMegabytes_413ProblemNot500(string path)
    {
        // With "Expect: 100-continue" the client waits for the server's verdict before sending 10 MB (RFC 9110 §10.1.1).
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent("reference=" + new string('x', 10 * 1024 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.ExpectContinue = true;

        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = server.Address };

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FormPost_TooOftenFromOneAddressToOnePage_429ProblemWithRetryAfter()
    {
        var answers = new List<HttpResponseMessage>();
        for (var post = 0; post < 6; post++)
        {
            answers.Add(await server.Anonymous.PostAsync("/debtor/2026-0001/problem", new FormUrlEncodedContent([KeyValuePair.Create("text", "x")])));
        }

        Assert.All(answers.Take(5), answer => Assert.NotEqual(HttpStatusCode.TooManyRequests, answer.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[5].StatusCode);
        Assert.Equal("application/problem+json", answers[5].Content.Headers.ContentType?.MediaType);
        Assert.NotNull(answers[5].Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData("/api/invoices")]
    [InlineData("/staff/sign-in")]
    [InlineData("/no-such-page")]
    public async Task AnyResponse_CarriesNosniff(string path)
    {
        var response = await server.Client.GetAsync(path);

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task PostInvoice_NumberDotOrDotDot_400NamingNumberNothingStored(string number)
    {
        var response = await server.Client.PostAsync("/api/invoices", InvoiceJson.Content(InvoiceJson.Valid(number)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["number"], await ProblemDocument.ErrorFieldsAsync(response));
        Assert.Null(await server.Store.GetInvoiceAsync(number, default));
    }

    [Fact]
    public async Task DataProtectionKeys_KeptInTheDataFolder()
    {
        using var form = new SignInForm(server.Address);
        await form.PostAsync(User, Password);

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(server.DataPath, "keys"), "key-*.xml"));
    }
}
