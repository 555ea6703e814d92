using Collections.Law;

namespace Collections.Web.Api;

/// <summary>Health for operators and monitors: "warning" when the calendar or the interest-rate table does not
/// cover the coming twelve months (LAW.md). Public: it tells nothing about invoices or debtors.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (TimeProvider time) =>
            {
                var warnings = LawDataCoverage.Warnings(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
                return Results.Ok(new { status = warnings.Count == 0 ? "ok" : "warning", warnings });
            })
            .WithTags("Health")
            .WithSummary("Whether the law data (designated days, interest rates) covers the coming twelve months.");
        return app;
    }
}
