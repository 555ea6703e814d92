using Collections.AzureFunctions.Http;
using Collections.Infrastructure.Storage;
using Collections.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collections.AzureFunctions.Tests.Http;

/// <summary>The server's nosniff header, form body limit and post limit, run before a function of the Functions app.</summary>
public sealed class PageLimitsMiddlewareTests : IDisposable
{
    private readonly TemporaryPath folder = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly SqliteCollectionsStore store;

    public PageLimitsMiddlewareTests()
    {
        Directory.CreateDirectory(folder.Value);
        store = new SqliteCollectionsStore(Path.Combine(folder.Value, "collections.db"));
    }

    public void Dispose()
    {
        store.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task PostsToOneLink_AreCountedAcrossInstances_The21stIs429UntilTheWindowEnds()
    {
        // Two instances of the app over one store, as when Functions scales out.
        var instances = new[] { Middleware(store), Middleware(store) };
        var ran = 0;
        for (var post = 0; post < 20; post++)
        {
            var (_, allowed) = Invocation("POST", "/debtor/F-1/paid", contentLength: 100);
            await instances[post % 2].Invoke(allowed, _ => { ran++; return Task.CompletedTask; });
        }

        clock.Advance(TimeSpan.FromMinutes(4));
        var (http, refused) = Invocation("POST", "/debtor/F-1/paid", contentLength: 100);
        await instances[0].Invoke(refused, _ => { ran++; return Task.CompletedTask; });
        var (_, otherLink) = Invocation("POST", "/debtor/F-2/paid", contentLength: 100);
        await instances[1].Invoke(otherLink, _ => { ran++; return Task.CompletedTask; });

        Assert.Equal(21, ran);
        Assert.Equal(StatusCodes.Status429TooManyRequests, http.Response.StatusCode);
        Assert.Equal("360", http.Response.Headers.RetryAfter);

        clock.Advance(TimeSpan.FromMinutes(6));
        var (_, nextWindow) = Invocation("POST", "/debtor/F-1/paid", contentLength: 100);
        await instances[1].Invoke(nextWindow, _ => { ran++; return Task.CompletedTask; });
        Assert.Equal(22, ran);
    }

    [Fact]
    public async Task GetsAndApiPosts_AreNotCounted()
    {
        var middleware = Middleware(store);
        for (var request = 0; request < 30; request++)
        {
            await middleware.Invoke(Invocation("GET", "/debtor/F-1", contentLength: 0).Invocation, _ => Task.CompletedTask);
            await middleware.Invoke(Invocation("POST", "/api/invoices", contentLength: 100).Invocation, _ => Task.CompletedTask);
        }

        Assert.Null(await store.GetSharedValueAsync("post-limit:/debtor/f-1", CancellationToken.None));
        var (http, post) = Invocation("POST", "/debtor/F-1/paid", contentLength: 100);
        await middleware.Invoke(post, _ => Task.CompletedTask);
        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
    }

    [Fact]
    public async Task FormPostOverTheLimit_Is413_AndTheFunctionDoesNotRun()
    {
        var (http, invocation) = Invocation("POST", "/debtor/F-1/paid", contentLength: 40_000);
        var ran = false;

        await Middleware(store).Invoke(invocation, _ => { ran = true; return Task.CompletedTask; });

        Assert.False(ran);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, http.Response.StatusCode);
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions);
    }

    [Fact]
    public async Task FormPostWithinTheLimit_RunsTheFunction_WithTheHeader()
    {
        var (http, invocation) = Invocation("POST", "/debtor/F-1/paid", contentLength: 2_000);
        var ran = false;

        await Middleware(store).Invoke(invocation, _ => { ran = true; return Task.CompletedTask; });

        Assert.True(ran);
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions);
    }

    [Fact]
    public async Task ApiBodyOverTheFormLimit_IsNotAForm_RunsTheFunction()
    {
        var (_, invocation) = Invocation("POST", "/api/invoices", contentLength: 40_000);
        var ran = false;

        await Middleware(store).Invoke(invocation, _ => { ran = true; return Task.CompletedTask; });

        Assert.True(ran);
    }

    private PageLimitsMiddleware Middleware(ICollectionsStore shared) => new(new ConfigurationBuilder().Build(), shared, clock);

    private static (HttpContext Http, FunctionContext Invocation) Invocation(string method, string path, long contentLength)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        http.Request.Method = method;
        http.Request.Path = path;
        http.Request.ContentLength = contentLength;
        http.Response.Body = new MemoryStream();
        return (http, new HttpInvocation(http));
    }

    /// <summary>An invocation as the ASP.NET Core integration hands it to middleware: its HTTP context in
    /// <c>Items["HttpRequestContext"]</c>, the key <c>GetHttpContext()</c> reads.</summary>
    private sealed class HttpInvocation(HttpContext http) : FunctionContext
    {
        public override string InvocationId => "invocation-1";

        public override string FunctionId => "function-1";

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext => throw new NotSupportedException();

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = http.RequestServices;

        public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object> { ["HttpRequestContext"] = http };

        public override IInvocationFeatures Features => throw new NotSupportedException();
    }
}
