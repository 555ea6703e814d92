using Collections.AzureFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.AzureFunctions.Tests.Http;

/// <summary>The server's nosniff header and form body limit, run before a function of the Functions app.</summary>
public sealed class PageLimitsMiddlewareTests
{
    [Fact]
    public async Task FormPostOverTheLimit_Is413_AndTheFunctionDoesNotRun()
    {
        var (http, invocation) = Invocation("POST", "/debtor/F-1/paid", contentLength: 40_000);
        var ran = false;

        await Middleware().Invoke(invocation, _ => { ran = true; return Task.CompletedTask; });

        Assert.False(ran);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, http.Response.StatusCode);
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions);
    }

    [Fact]
    public async Task FormPostWithinTheLimit_RunsTheFunction_WithTheHeader()
    {
        var (http, invocation) = Invocation("POST", "/debtor/F-1/paid", contentLength: 2_000);
        var ran = false;

        await Middleware().Invoke(invocation, _ => { ran = true; return Task.CompletedTask; });

        Assert.True(ran);
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions);
    }

    [Fact]
    public async Task ApiBodyOverTheFormLimit_IsNotAForm_RunsTheFunction()
    {
        var (_, invocation) = Invocation("POST", "/api/invoices", contentLength: 40_000);
        var ran = false;

        await Middleware().Invoke(invocation, _ => { ran = true; return Task.CompletedTask; });

        Assert.True(ran);
    }

    private static PageLimitsMiddleware Middleware() => new(new ConfigurationBuilder().Build());

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
