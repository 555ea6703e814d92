using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collections.Infrastructure.Storage;

/// <summary>The one JSON shape both stores write: camelCase names, enums as camelCase strings ("consumer", "sms").</summary>
internal static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidDataException($"Stored JSON for {typeof(T).Name} is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
