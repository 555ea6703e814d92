using Collections.Handlers.Deliveries;
using Collections.Infrastructure.Channels.EventGrid;
using Collections.Storage;
using Collections.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Collections.AzureFunctions.Http;

/// <summary>ACS delivery reports and inbound WhatsApp messages through Event Grid: the server's endpoint method (<c>DeliveryReportEndpoints</c>).</summary>
public sealed class AcsEventFunctions(AcsEventGridHandler eventGrid, DeliveryFailureHandler failures, InboundMessageHandler inbound, ICollectionsStore store)
{
    [Function("AcsEvents")]
    public Task<IResult> AcsEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "api/events/acs")] HttpRequest request,
        CancellationToken cancellationToken) =>
        DeliveryReportEndpoints.HandleAsync(request, request.HttpContext.Response, eventGrid, failures, inbound, store, cancellationToken);
}
