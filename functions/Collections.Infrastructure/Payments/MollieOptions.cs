namespace Collections.Infrastructure.Payments;

/// <summary>How to reach the Mollie API.</summary>
public sealed class MollieOptions
{
    public static readonly Uri LiveApi = new("https://api.mollie.com/");

    /// <summary>The API's base address; tests point it at a local fake.</summary>
    public Uri BaseUrl { get; set; } = LiveApi;

    /// <summary>A Mollie API key (<c>live_…</c> or <c>test_…</c>), sent as a bearer token.</summary>
    public string ApiKey { get; set; } = "";
}
