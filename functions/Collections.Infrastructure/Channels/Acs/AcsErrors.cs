using System.Text.Json;
using Azure;
using Collections.Messaging;

namespace Collections.Infrastructure.Channels.Acs;

/// <summary>Turns an ACS error response into the exception the workflow acts on:
/// 400 → permanent rejection, 401/403 → configuration error, 429 (still, after the pipeline's retries) → throttled,
/// anything else → transient.</summary>
internal static class AcsErrors
{
    public static Exception ToException(Response response, string operation)
    {
        var detail = ReadErrorMessage(response);
        return response.Status switch
        {
            400 or 413 or 422 => new MessageRejectedException($"ACS refused the {operation} (HTTP {response.Status}): {detail}"),
            401 or 403 => new ChannelConfigurationException(
                $"ACS refused the credentials for the {operation} (HTTP {response.Status}): {detail}. Check the ACS connection string (access key) or the identity's role assignment on the Communication Services resource."),
            429 => new MessageThrottledException($"ACS throttled the {operation} (HTTP 429): {detail}", RetryAfter(response)),
            // 412: the repeatability first-sent time fell outside ACS's tracking window; the next attempt renews it.
            _ => new RequestFailedException(response.Status, $"ACS {operation} failed (HTTP {response.Status}): {detail}"),
        };
    }

    private static TimeSpan? RetryAfter(Response response) =>
        response.Headers.TryGetValue("Retry-After", out var value) && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>Reads <c>{error:{code,message}}</c>; falls back to the reason phrase.</summary>
    public static string ReadErrorMessage(Response response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            if (JsonFields.TryGet(document.RootElement, "error", out var error))
            {
                var code = JsonFields.GetString(error, "code");
                var message = JsonFields.GetString(error, "message");
                return code is null ? message ?? response.ReasonPhrase : $"{code}: {message}";
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty body): the status and reason say enough.
        }

        return string.IsNullOrEmpty(response.ReasonPhrase) ? "no error details" : response.ReasonPhrase;
    }
}
