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
        client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = server };
        client.DefaultRequestHeaders.Add("Accept-Language", language);
    }

    public async Task<HttpResponseMessage> PostAsync(string userName, string password)
    {
        var form = await client.GetStringAsync("/staff/sign-in");
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, "The sign-in form carries no antiforgery token.");
        return await client.PostAsync("/staff/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__form"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["userName"] = userName,
            ["password"] = password,
        }));
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
