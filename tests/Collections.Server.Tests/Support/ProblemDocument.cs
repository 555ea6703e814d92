using System.Net.Http.Json;
using System.Text.Json;

namespace Collections.Server.Tests.Support;

/// <summary>Reads an RFC 7807 problem response.</summary>
internal static class ProblemDocument
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        var problem = await ReadAsync(response);
        return problem.GetProperty("errors").EnumerateObject().Select(property => property.Name).ToList();
    }
}
