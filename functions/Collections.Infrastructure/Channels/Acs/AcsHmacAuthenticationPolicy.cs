using Azure.Core;
using Azure.Core.Pipeline;

namespace Collections.Infrastructure.Channels.Acs;

/// <summary>Signs every attempt (it runs per retry), so each retry carries a fresh date and signature.</summary>
public sealed class AcsHmacAuthenticationPolicy(byte[] accessKey, TimeProvider timeProvider) : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await SignAsync(message, async: true).ConfigureAwait(false);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        SignAsync(message, async: false).AsTask().GetAwaiter().GetResult();
        ProcessNext(message, pipeline);
    }

    private async ValueTask SignAsync(HttpMessage message, bool async)
    {
        var request = message.Request;
        var body = await ReadBodyAsync(request.Content, message.CancellationToken, async).ConfigureAwait(false);
        var contentHash = AcsRequestSigner.ContentHash(body);
        var date = AcsRequestSigner.FormatDate(timeProvider.GetUtcNow());
        var uri = request.Uri.ToUri();
        var stringToSign = AcsRequestSigner.StringToSign(request.Method.Method, uri.PathAndQuery, date, uri.Authority, contentHash);

        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", contentHash);
        request.Headers.SetValue(HttpHeader.Names.Authorization, AcsRequestSigner.AuthorizationHeader(AcsRequestSigner.Signature(accessKey, stringToSign)));
    }

    private static async ValueTask<byte[]> ReadBodyAsync(RequestContent? content, CancellationToken cancellationToken, bool async)
    {
        if (content is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        if (async)
        {
            await content.WriteToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            content.WriteTo(buffer, cancellationToken);
        }

        return buffer.ToArray();
    }
}
