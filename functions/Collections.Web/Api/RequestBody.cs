using System.Text.Json;
using Collections.Handlers;

namespace Collections.Web.Api;

/// <summary>Reads request bodies with a size limit, keeping the raw bytes (webhook signatures are
/// computed over them) and turning unreadable JSON into a field error instead of a bare 400.</summary>
internal static class RequestBody
{
    public const int DefaultLimit = 256 * 1024;

    /// <summary>The body's bytes, or a 413 problem when it is larger than <paramref name="limit"/>.</summary>
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>Deserializes <typeparamref name="T"/>; on failure, a 400 naming the field JSON could not read.</summary>
    public static (T? Value, IResult? Problem) Parse<T>(byte[] body, JsonSerializerOptions options)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, options);
            return value is null
                ? (null, HandlerResults.Invalid(new FieldErrors().Add("$", "A JSON object is required.").ToDictionary()))
                : (value, null);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is null or "$" ? "$" : exception.Path.TrimStart('$').TrimStart('.');
            var message = field == "$" ? "Not valid JSON." : "Not a valid value for this field.";
            return (null, HandlerResults.Invalid(new FieldErrors().Add(field, message).ToDictionary()));
        }
    }

    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(
        HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken, int limit = DefaultLimit)
        where T : class
    {
        var (body, problem) = await ReadAsync(request, limit, cancellationToken);
        return problem is not null ? (null, problem) : Parse<T>(body!, options);
    }

    private static IResult TooLarge(int limit) =>
        HandlerResults.Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"At most {limit / 1024} KB.");
}
