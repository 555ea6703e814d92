using System.Text;
using System.Text.RegularExpressions;
using Collections.AzureFunctions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.AzureFunctions.Tests.Http;

/// <summary>One instance of the Functions app as its registrations build it, on a real Azurite (store and Data
/// Protection key ring), and a trigger run on it the way the Functions host's ASP.NET Core integration does: an
/// <see cref="HttpContext"/> in, the trigger's <see cref="IResult"/> executed against it.</summary>
internal static partial class FunctionsAppInstance
{
    public const string LinkSecret = "configured-link-secret-0123456789";

    /// <param name="tables">The Azure Tables connection string (Azurite's); nothing connects until a store call.</param>
    public static ServiceProvider Create(string tables, string tablePrefix, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Collections:Store"] = "tables",
            ["Collections:Tables:ConnectionString"] = tables,
            ["Collections:Tables:TablePrefix"] = tablePrefix,
            ["Collections:ApiKeys:0"] = "configured-api-key-0123456789",
            ["Collections:Activities:ApprovalTokenSecret"] = "configured-approval-secret-0123456789",
            ["Collections:DebtorPages:LinkSecret"] = LinkSecret,
            ["Collections:Webhooks:Secret"] = "configured-webhook-secret-0123456789",
            ["Collections:Channels:EventGrid:Secret"] = "configured-event-grid-secret-0123456789",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddCollectionsFunctionsApp(configuration);
        return services.BuildServiceProvider();
    }

    /// <param name="headers">Request headers beyond the cookie (App Service's identity header, …).</param>
    public static async Task<Answer> RunAsync(
        IServiceProvider instance,
        Func<HttpContext, Task<IResult>> trigger,
        string path,
        string query = "",
        string? form = null,
        string? cookie = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        await using var scope = instance.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = form is null ? "GET" : "POST";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("collections.example.nl");
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        if (form is not null)
        {
            context.Request.ContentType = "application/x-www-form-urlencoded";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(form));
        }

        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        using var response = new MemoryStream();
        context.Response.Body = response;

        await (await trigger(context)).ExecuteAsync(context);

        var setCookie = string.Join("; ", context.Response.Headers.SetCookie.Select(value => value!.Split(';')[0]));
        return new Answer(context.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()), context.Response.Headers, setCookie);
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string FormToken(string page) => System.Net.WebUtility.HtmlDecode(FormTokenPattern().Match(page).Groups["token"].Value);

    public sealed record Answer(int StatusCode, string Body, IHeaderDictionary Headers, string SetCookie);

    [GeneratedRegex(@"name=""__form"" value=""(?<token>[^""]+)""")]
    private static partial Regex FormTokenPattern();
}
