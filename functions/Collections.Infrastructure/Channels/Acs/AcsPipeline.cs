using Azure.Core;
using Azure.Core.Pipeline;

namespace Collections.Infrastructure.Channels.Acs;

/// <summary>An ACS resource endpoint plus the Azure.Core pipeline that authenticates every attempt.</summary>
public sealed class AcsPipeline
{
    /// <summary>The scope ACS tokens are issued for (the double slash is what the ACS SDKs use).</summary>
    public const string TokenScope = "https://communication.azure.com//.default";

    private AcsPipeline(Uri endpoint, HttpPipeline pipeline)
    {
        Endpoint = endpoint;
        Pipeline = pipeline;
    }

    public Uri Endpoint { get; }

    public HttpPipeline Pipeline { get; }

    /// <summary>Access-key authentication (HMAC-SHA256 per attempt).</summary>
    public static AcsPipeline FromConnectionString(string connectionString, AcsClientOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parsed = AcsConnectionString.Parse(connectionString);
        return new AcsPipeline(parsed.Endpoint, HttpPipelineBuilder.Build(options, new AcsHmacAuthenticationPolicy(parsed.AccessKey, timeProvider)));
    }

    /// <summary>Entra ID authentication (managed identity, workload identity, developer login).</summary>
    public static AcsPipeline FromTokenCredential(Uri endpoint, TokenCredential credential, AcsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
        return new AcsPipeline(endpoint, HttpPipelineBuilder.Build(options, new BearerTokenAuthenticationPolicy(credential, TokenScope)));
    }

    /// <summary>A request for a path relative to the resource endpoint, e.g. <c>sms?api-version=2021-03-07</c>.</summary>
    public Request CreateRequest(RequestMethod method, string relativePathAndQuery) =>
        // Concatenated, not new Uri(base, relative): "emails:send" on its own would parse as a URI scheme.
        CreateRequest(method, new Uri($"{Endpoint.AbsoluteUri.TrimEnd('/')}/{relativePathAndQuery}"));

    public Request CreateRequest(RequestMethod method, Uri uri)
    {
        var request = Pipeline.CreateRequest();
        request.Method = method;
        request.Uri.Reset(uri);
        request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        return request;
    }
}
