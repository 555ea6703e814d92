using Collections.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Collections.AzureFunctions.Http;

/// <summary>Every staff page (<c>/staff/…</c>: call list, invoice list and page, debtor view, task inbox, overview,
/// fixes, exports, personal data) through one trigger into <see cref="StaffPagePipeline"/>. Staff sign in with App
/// Service authentication (<c>Collections:Staff:TrustAppServiceAuthentication</c>, set by <c>infra/</c> when a sign-in
/// app is given): local accounts would need the client's address for their sign-in limits and a session store shared
/// by every instance, and the worker sees neither. Without it the pages are off and say so.</summary>
internal sealed class StaffPageFunctions(StaffPagePipeline pipeline, IOptions<StaffOptions> staff)
{
    [Function("StaffPages")]
    public IResult StaffPages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "staff/{*path}")] HttpRequest request) =>
        staff.Value.TrustAppServiceAuthentication
            ? new PipelineResult(pipeline)
            : Results.Problem(
                title: "The staff pages are off",
                detail: "Staff sign in through App Service authentication on Azure; it is not turned on for this app (Collections:Staff:TrustAppServiceAuthentication). See docs/azure.md.",
                statusCode: StatusCodes.Status404NotFound);

    /// <summary>Runs the pages when the Functions host executes the trigger's result with the request's context.</summary>
    private sealed class PipelineResult(StaffPagePipeline pipeline) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => pipeline.InvokeAsync(httpContext);
    }
}
