using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Collections.Deployment.Tests.Support;

/// <summary>JSON text without the default HTML-safe escaping, so ARM expressions read as written
/// (<c>parameters('x')</c>, not <c>parameters(\u0027x\u0027)</c>).</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string AsText(this JsonNode? node) => node?.ToJsonString(Options) ?? string.Empty;
}
