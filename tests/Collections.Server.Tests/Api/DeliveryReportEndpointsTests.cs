using System.Net;
using System.Text;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Api;

public sealed class DeliveryReportEndpointsTests : IAsyncLifetime
{
    private const string Reports = """
        [{"id":"evt-1","eventType":"Microsoft.Communication.SMSDeliveryReportReceived",
          "data":{"messageId":"Outgoing_a","to":"+31612345678","deliveryStatus":"Delivered","receivedTimestamp":"2026-03-02T09:31:00Z","tag":"invoice-2026-0001"}},
         {"id":"evt-2","eventType":"Microsoft.Communication.SMSDeliveryReportReceived",
          "data":{"messageId":"Outgoing_b","to":"+31687654321","deliveryStatus":"Failed","deliveryStatusDetails":"Recipient unreachable",
                  "receivedTimestamp":"2026-03-02T09:32:00Z","tag":"invoice-2026-0002"}}]
        """;

    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task PostReports_WithSecret_FailedDeliveryRaisedToItsWorkflow()
    {
        var response = await server.Anonymous.PostAsync(
            $"/api/events/acs?code={RunningServer.EventGridSecret}", new StringContent(Reports, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (instance, name, _) = Assert.Single(server.Workflows.Events);
        Assert.Equal(("invoice-2026-0002", "delivery-failed"), (instance, name));
    }

    [Fact]
    public async Task PostReports_WrongSecret_401NothingRaised()
    {
        var response = await server.Anonymous.PostAsync("/api/events/acs?code=guess", new StringContent(Reports, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(server.Workflows.Events);
    }

    [Fact]
    public async Task Options_CloudEventsHandshake_AllowsTheOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/events/acs");
        request.Headers.Add("x-collections-key", RunningServer.EventGridSecret);
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");

        var response = await server.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", response.Headers.GetValues("WebHook-Allowed-Origin").Single());
    }
}
