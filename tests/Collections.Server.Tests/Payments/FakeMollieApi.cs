using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Collections.Server.Tests.Payments;

/// <summary>A local stand-in for the Mollie API on 127.0.0.1: serves <c>GET /v2/payments/{id}</c> to
/// requests bearing the right API key, and records every request it saw.</summary>
internal sealed class FakeMollieApi : IAsyncDisposable
{
    public const string ApiKey = "test_fakeMollieKey123";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _payments = new(StringComparer.Ordinal);

    private FakeMollieApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<FakeMollieApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeMollieApi(app);
        app.MapGet("/v2/payments/{id}", (string id, HttpRequest request) =>
        {
            fake.Requests.Enqueue($"{request.Method} {request.Path} {request.Headers.Authorization}");
            if (request.Headers.Authorization != $"Bearer {ApiKey}")
            {
                return Results.Json(new { status = 401, title = "Unauthorized Request" }, statusCode: 401);
            }

            return fake._payments.TryGetValue(id, out var json)
                ? Results.Content(json, "application/hal+json")
                : Results.Json(new { status = 404, title = "Not Found" }, statusCode: 404);
        });
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.Single());
        return fake;
    }

    /// <summary>Serves a payment shaped like Mollie's "Get payment" response.</summary>
    public void AddPayment(string id, string status, string value = "1250.00", string metadataJson = """{"invoiceNumber":"F2026-0042"}""")
    {
        var paidAt = status == "paid" ? "\"paidAt\":\"2026-03-05T09:12:00+00:00\"," : "";
        _payments[id] = $$"""
            {"resource":"payment","id":"{{id}}","mode":"test","status":"{{status}}",{{paidAt}}
             "amount":{"currency":"EUR","value":"{{value}}"},"description":"Factuur F2026-0042",
             "metadata":{{metadataJson}},"createdAt":"2026-03-05T09:00:00+00:00"}
            """;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
