using System.Text.Json.Serialization;

namespace Collections.Messages;

/// <summary>The tone ladder of R5: friendly first, businesslike later, formal only for the final notice.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Tone>))]
public enum Tone
{
    [JsonStringEnumMemberName("friendly")]
    Friendly,

    [JsonStringEnumMemberName("businesslike")]
    Businesslike,

    [JsonStringEnumMemberName("formal")]
    Formal,
}
