using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collections.Json;

/// <summary>The product's one JSON shape: camelCase properties, enums as kebab-case strings
/// ("promise-to-pay", "consumer", "sms"). Used for policies, scenarios, workflow inputs and events.</summary>
public static class CollectionsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
