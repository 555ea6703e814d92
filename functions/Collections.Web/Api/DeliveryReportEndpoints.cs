using Collections.Handlers.Deliveries;
using Collections.Infrastructure.Channels.EventGrid;
using Collections.Storage;

namespace Collections.Web.Api;

/// <summary>ACS delivery reports and inbound WhatsApp messages through Event Grid (<c>POST /api/events/acs</c>, and the CloudEvents
/// <c>OPTIONS</c> handshake). Event Grid proves itself with the subscription secret (query <c>code</c> or
/// header <c>x-collections-key</c>), not an API key.</summary>
internal static class DeliveryReportEndpoints
{
    private const int BodyLimit = 1024 * 1024;

    public static IEndpointRouteBuilder MapDeliveryReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/events/acs", [HttpMethods.Post, HttpMethods.Options], HandleAsync)
            .WithTags("Delivery reports")
            .WithSummary("Event Grid webhook for ACS SMS/email/WhatsApp delivery reports and inbound WhatsApp messages; failed deliveries are raised to the workflow, what a debtor wrote goes on their contact log.");
        return app;
    }

    internal static async Task<IResult> HandleAsync(
        HttpRequest request,
        HttpResponse response,
        AcsEventGridHandler eventGrid,
        DeliveryFailureHandler failures,
        InboundMessageHandler inbound,
        ICollectionsStore store,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestBody.ReadAsync(request, BodyLimit, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var answer = eventGrid.Handle(new AcsEventGridRequest(
            request.Method,
            name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null,
            request.Query["code"].FirstOrDefault(),
            body));
        var failed = new List<DeliveryFailure>();
        foreach (var report in answer.Reports.Where(report => !report.Delivered))
        {
            // Email reports carry no tag: the tag the message was sent with is looked up by its provider id.
            // A report without either cannot be routed; answering 200 keeps Event Grid from retrying it forever.
            var tag = report.Tag is { Length: > 0 } ? report.Tag
                : string.IsNullOrWhiteSpace(report.MessageId) ? null
                : await store.FindSentMessageTagAsync(report.MessageId, cancellationToken);
            if (tag is { Length: > 0 })
            {
                failed.Add(new DeliveryFailure(report.EventId, tag, report.Channel, report.Recipient, report.ProviderStatus, report.Details));
            }
        }

        await failures.HandleAsync(failed, cancellationToken);
        await inbound.HandleAsync(answer.Inbound, cancellationToken);

        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        return answer.JsonBody is null
            ? Results.StatusCode(answer.StatusCode)
            : Results.Content(answer.JsonBody, "application/json", statusCode: answer.StatusCode);
    }
}
