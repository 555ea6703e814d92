using Collections.Handlers;
using Collections.Privacy;
using Collections.Web.Api;
using Collections.Web.Components.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collections.Web.Privacy;

/// <summary>Subject access, erasure and the retention sweep over HTTP (docs/privacy.md). Every call is safe to repeat.</summary>
internal static class PrivacyEndpoints
{
    public static RouteGroupBuilder MapPrivacyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/debtors/{debtorId}/personal-data", ExportAsync)
            .WithTags("Privacy")
            .WithSummary("Everything stored about the debtor (GDPR art. 15): JSON, or a readable page with format=html.");
        api.MapPost("/debtors/{debtorId}/erasure", EraseAsync)
            .WithTags("Privacy")
            .WithSummary("Erases the debtor's personal data, keeping the proof (GDPR art. 17); refused while an invoice is open.");
        api.MapGet("/privacy/retention", PlanAsync)
            .WithTags("Privacy")
            .WithSummary("Dry run: what the retention sweep would redact now.");
        api.MapPost("/privacy/retention/run", RunAsync)
            .WithTags("Privacy")
            .WithSummary("Runs the retention sweep now (it also runs daily).");
        return api;
    }

    internal static async Task<IResult> ExportAsync(string debtorId, string? format, DebtorExporter exporter, CancellationToken cancellationToken)
    {
        if (format is not (null or "json" or "html"))
        {
            return HandlerResults.Invalid(new FieldErrors().Add("format", "Use json (the default) or html.").ToDictionary());
        }

        var outcome = await exporter.ExportAsync(debtorId, cancellationToken);
        return format == "html" && outcome.Value is { } export
            ? new RazorComponentResult<DebtorExportPage>(new { Export = export })
            : outcome.ToHttp();
    }

    internal static async Task<IResult> EraseAsync(string debtorId, DebtorErasure erasure, CancellationToken cancellationToken) =>
        (await erasure.EraseAsync(debtorId, cancellationToken)).ToHttp();

    internal static async Task<IResult> PlanAsync(RetentionSweep sweep, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sweep.PlanAsync(time.GetUtcNow(), cancellationToken));

    internal static async Task<IResult> RunAsync(RetentionSweep sweep, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sweep.RunAsync(time.GetUtcNow(), cancellationToken));
}
