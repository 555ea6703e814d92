using Collections.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.AzureFunctions.Http;

/// <summary>The staff pages as the self-hosted server serves them — the same endpoints, with routing, authentication,
/// authorization and antiforgery in front — built once over the Functions app's services, so one HTTP trigger can hand
/// every <c>/staff</c> request to it instead of one trigger per page.</summary>
internal sealed class StaffPagePipeline
{
    private readonly RequestDelegate pipeline;
    private readonly List<EndpointDataSource> dataSources = [];

    public StaffPagePipeline(IServiceProvider services)
    {
        var app = new ApplicationBuilder(services);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapStaffPages();
            dataSources.AddRange(endpoints.DataSources);
        });
        pipeline = app.Build();
    }

    /// <summary>The pages it routes among, as the server's endpoint table lists them.</summary>
    public IEnumerable<RouteEndpoint> Endpoints => dataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>();

    /// <summary>Routes the request among the staff pages. The Functions host has already matched it to the trigger's
    /// endpoint, and routing skips a request that has one, so that endpoint is cleared first.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        return pipeline(context);
    }
}
