using System.Net;
using System.Text.RegularExpressions;

namespace Collections.Server.Tests.Staff;

/// <summary>A browser-like client for <c>/staff/sign-in</c>: keeps cookies, follows no redirects, and fetches
/// the form (with its antiforgery token) before every post, as a person would.</summary>
internal sealed partial class SignInForm : IDisposable
{
    private readonly HttpClient client;

    public SignInForm(Uri server, string language = "nl")
    {
        client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = server };
        client.DefaultRequestHeaders.Add("Accept-Language", language);
    }

    /// <summary>Keeps the cookies; a test can copy them to replay a session.</summary>
    public CookieContainer Cookies { get; } = new();

    public HttpClient Client => client;

    public async Task<HttpResponseMessage> PostAsync(string userName, string password, string? returnUrl = null)
    {
        var token = await TokenAsync("/staff/sign-in");
        var fields = new Dictionary<string, string>
        {
            ["__form"] = token,
            ["userName"] = userName,
            ["password"] = password,
        };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return await client.PostAsync("/staff/sign-in", new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of the form on <paramref name="page"/>.</summary>
    public async Task<string> TokenAsync(string page)
    {
        var form = await client.GetStringAsync(page);
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, $"The form on {page} carries no antiforgery token.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>The page's alert text, or null when it shows none.</summary>
    public static async Task<string?> AlertAsync(HttpResponseMessage response)
    {
        var alert = Alert().Match(await response.Content.ReadAsStringAsync());
        return alert.Success ? WebUtility.HtmlDecode(alert.Groups[1].Value) : null;
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("role=\"alert\"[^>]*><p>([^<]*)</p>")]
    private static partial Regex Alert();
}
