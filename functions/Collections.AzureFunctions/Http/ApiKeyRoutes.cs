namespace Collections.AzureFunctions.Http;

/// <summary>
/// Which request paths need an API key (<c>X-Api-Key</c>): everything under <c>/api</c> except the payment
/// webhooks (<c>/api/webhooks/…</c>, proven by a signature) and Event Grid deliveries (<c>/api/events/…</c>,
/// proven by the subscription secret). Approval pages (<c>/approvals/…</c>) are proven by their token.
/// The server applies the rule through its route groups; the Azure Functions app, whose functions are not
/// grouped, asks this.
/// </summary>
public static class ApiKeyRoutes
{
    public static bool RequiresKey(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return UnderSegment(path, "/api") && !UnderSegment(path, "/api/webhooks") && !UnderSegment(path, "/api/events");
    }

    // As ASP.NET Core's PathString.StartsWithSegments: whole segments, case-insensitive.
    private static bool UnderSegment(string path, string segment) =>
        path.StartsWith(segment, StringComparison.OrdinalIgnoreCase)
        && (path.Length == segment.Length || path[segment.Length] == '/');
}
