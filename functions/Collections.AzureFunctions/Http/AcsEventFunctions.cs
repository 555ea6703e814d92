using Collections.Infrastructure.Channels.EventGrid;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Collections.AzureFunctions.Http;

/// <summary>ACS delivery reports through Event Grid (<c>/api/events/acs</c>): the channels' handler checks the
/// secret, answers the handshake and parses the reports.</summary>
public sealed class AcsEventFunctions(AcsEventGridHandler handler, ILogger<AcsEventFunctions> logger)
{
    [Function("AcsEvents")]
    public async Task AcsEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "api/events/acs")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var answer = handler.Handle(new AcsEventGridRequest(
            request.Method, name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null, request.Query["code"], body.ToArray()));

        // Applying reports to invoices has no shared handler yet (the server maps no /api/events/acs): logged only.
        foreach (var report in answer.Reports)
        {
            logger.LogInformation("ACS {Channel} report {EventId} for {MessageId}: {Status}", report.Channel, report.EventId, report.MessageId, report.ProviderStatus);
        }

        var response = request.HttpContext.Response;
        response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        if (answer.JsonBody is { } json)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(json, cancellationToken);
        }
    }
}
