using Collections.Privacy;
using Collections.Web.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Collections.AzureFunctions.Http;

/// <summary>Subject access, erasure and the retention sweep: the server's own endpoint methods (<c>PrivacyEndpoints</c>).</summary>
public sealed class PrivacyFunctions(DebtorExporter exporter, DebtorErasure erasure, RetentionSweep sweep, TimeProvider time)
{
    [Function("ExportPersonalData")]
    public Task<IResult> ExportPersonalData(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/debtors/{debtorId}/personal-data")] HttpRequest request,
        string debtorId,
        CancellationToken cancellationToken) =>
        PrivacyEndpoints.ExportAsync(debtorId, request.Query["format"], exporter, cancellationToken);

    [Function("ErasePersonalData")]
    public Task<IResult> ErasePersonalData(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/debtors/{debtorId}/erasure")] HttpRequest request,
        string debtorId,
        CancellationToken cancellationToken) =>
        PrivacyEndpoints.EraseAsync(debtorId, erasure, cancellationToken);

    [Function("PlanRetention")]
    public Task<IResult> PlanRetention(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/privacy/retention")] HttpRequest request,
        CancellationToken cancellationToken) =>
        PrivacyEndpoints.PlanAsync(sweep, time, cancellationToken);

    [Function("RunRetention")]
    public Task<IResult> RunRetention(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/privacy/retention/run")] HttpRequest request,
        CancellationToken cancellationToken) =>
        PrivacyEndpoints.RunAsync(sweep, time, cancellationToken);
}
