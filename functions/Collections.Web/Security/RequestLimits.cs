using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;

namespace Collections.Web.Security;

/// <summary>Size and rate limits for what anyone can post: a body over the limit is answered 413, too many posts
/// from one address (or to one debtor link) in a window 429 with <c>Retry-After</c>; both as problem details.
/// Settings: <c>Collections:Limits</c>.</summary>
internal static class RequestLimits
{
    public const string Section = "Collections:Limits";

    /// <summary>Paths with forms (staff pages and sign-in, debtor pages, approval pages); the API has its key.</summary>
    private static readonly string[] FormPaths = ["/staff", "/debtor", "/approvals"];

    /// <summary>Rate-limited here: the forms anyone with a link can post. Sign-in has its own limit (SignInThrottle).</summary>
    private static readonly string[] LinkPaths = ["/debtor", "/approvals"];

    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration, IWebHostBuilder webHost)
    {
        var limits = Options(configuration);
        webHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxBodyBytes);
        services.Configure<FormOptions>(form => form.ValueLengthLimit = limits.MaxFormBytes);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLinkPost(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        $"{context.Connection.RemoteIpAddress}|{context.Request.Path}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PostsPerWindow, Window = limits.Window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : limits.Window;
                await TooManyPosts(rejected.HttpContext, retryAfter, $"At most {limits.PostsPerWindow} posts per {limits.Window.TotalMinutes:0.#} minutes from one address to one link; try again later.");
            };
        });
        return services;
    }

    /// <summary>The smaller body limit for form posts, then the rate limiter.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app, IConfiguration configuration)
    {
        var limits = Options(configuration);
        app.Use(async (context, next) =>
        {
            if (!await RefusedOversizedFormAsync(context, limits))
            {
                await next(context);
            }
        });
        return app.UseRateLimiter();
    }

    public static RequestLimitOptions Options(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<RequestLimitOptions>() ?? new RequestLimitOptions();

    /// <summary>The smaller body limit for a form post: answered 413 (true) when its declared length is over the limit,
    /// else the limit is set on the body, so a longer chunked body fails while it is read.</summary>
    public static async Task<bool> RefusedOversizedFormAsync(HttpContext context, RequestLimitOptions limits)
    {
        if (!IsFormPath(context.Request.Path))
        {
            return false;
        }

        if (context.Request.ContentLength > limits.MaxFormBytes)
        {
            await TooLarge(limits.MaxFormBytes).ExecuteAsync(context);
            return true;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.MaxFormBytes;
        }

        return false;
    }

    /// <summary>A form post anyone with a link can make (debtor and approval pages).</summary>
    public static bool IsLinkPost(HttpRequest request) => HttpMethods.IsPost(request.Method) && Under(request.Path, LinkPaths);

    /// <summary>429 with <c>Retry-After</c> in whole seconds, as problem details.</summary>
    public static Task TooManyPosts(HttpContext context, TimeSpan retryAfter, string detail)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail).ExecuteAsync(context);
    }

    private static IResult TooLarge(long limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request too large",
        detail: $"A form post on this page may have at most {limit} bytes.");

    /// <summary>For the exception handler: a body over a limit is the client's doing (413), never a 500.
    /// Antiforgery and form binding wrap the reader's exception, so the causes are looked at too.</summary>
    public static int StatusCodeFor(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case BadHttpRequestException bad:
                    return bad.StatusCode;
                case InvalidDataException:
                    return StatusCodes.Status413PayloadTooLarge;
            }
        }

        return StatusCodes.Status500InternalServerError;
    }

    private static bool IsFormPath(PathString path) => Under(path, FormPaths);

    private static bool Under(PathString path, string[] prefixes) =>
        prefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}

/// <param name="MaxBodyBytes">Any request body (the API's invoices included).</param>
/// <param name="MaxFormBytes">A form post on a public page.</param>
/// <param name="PostsPerWindow">Form posts one address may make to one page (one debtor link, the sign-in form) per window.</param>
internal sealed record RequestLimitOptions
{
    public long MaxBodyBytes { get; init; } = 1024 * 1024;

    public int MaxFormBytes { get; init; } = 32 * 1024;

    public int PostsPerWindow { get; init; } = 20;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);
}
