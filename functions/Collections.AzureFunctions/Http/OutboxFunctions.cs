using Collections.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Collections.AzureFunctions.Http;

/// <summary>The outbox of messages "sent" while no real channel is configured (server: <c>OutboxEndpoints</c>).</summary>
public sealed class OutboxFunctions(Collections.Storage.ICollectionsStore store)
{
    [Function("ListOutbox")]
    public Task<IResult> ListOutbox(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/outbox")] HttpRequest request,
        CancellationToken cancellationToken) =>
        OutboxEndpoints.ListAsync(request.Query["page"], store, cancellationToken);
}
