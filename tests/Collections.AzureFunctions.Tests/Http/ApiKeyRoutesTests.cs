using System.Text.RegularExpressions;
using Collections.AzureFunctions.Http;
using Collections.Handlers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collections.AzureFunctions.Tests.Http;

public sealed partial class ApiKeyRoutesTests
{
    [Theory]
    [InlineData("/api/invoices", true)]
    [InlineData("/api/invoices/2026-0042/payments", true)]
    [InlineData("/API/Calls", true)]
    [InlineData("/api/outbox", true)]
    [InlineData("/api/webhooks/stripe", false)]
    [InlineData("/api/events/acs", false)]
    [InlineData("/api/webhooksx", true)]
    [InlineData("/apis", false)]
    [InlineData("/approvals/token", false)]
    [InlineData("/", false)]
    public void RequiresKey_Path_FollowsTheApiKeyRule(string path, bool required) =>
        Assert.Equal(required, ApiKeyRoutes.RequiresKey(path));

    [Fact]
    public async Task RequiresKey_EveryServerRoute_AgreesWithTheRunningServer()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "collections-deployment-tests", Guid.NewGuid().ToString("N"));
        var workflows = new UntouchedWorkflows();
        await using var app = ServerEndpoints.Build(
            dataPath,
            ["--urls=http://127.0.0.1:0", "--Collections:ApiKeys:0=deployment-tests-key-0123456789"],
            services => services.Replace(ServiceDescriptor.Singleton<IInvoiceWorkflows>(workflows)));
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            foreach (var (method, pattern) in await ServerEndpoints.ListAsync())
            {
                // "approve" is a value every route parameter accepts, including the approval links' decision constraint.
                var path = RouteParameter().Replace(pattern, "approve");
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") });
                var refusedForKey = response.Headers.WwwAuthenticate.Any(challenge => challenge.Scheme == "ApiKey");

                Assert.True(refusedForKey == ApiKeyRoutes.RequiresKey(path), $"{method} {path}: server refused for a missing key: {refusedForKey} ({(int)response.StatusCode} {response.Headers.WwwAuthenticate} {await response.Content.ReadAsStringAsync()}).");
            }

            Assert.Equal(0, workflows.Calls);
        }
        finally
        {
            await app.StopAsync();
            if (Directory.Exists(dataPath))
            {
                Directory.Delete(dataPath, recursive: true);
            }
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    /// <summary>The workflow port for requests that must not reach a workflow: counts every call.</summary>
    private sealed class UntouchedWorkflows : IInvoiceWorkflows
    {
        public int Calls { get; private set; }

        public Task StartAsync(Collections.Storage.InvoiceRecord invoice, CancellationToken cancellationToken) => Count();

        public Task StartManyAsync(IReadOnlyList<Collections.Storage.InvoiceRecord> invoices, CancellationToken cancellationToken) => Count();

        public Task PaymentReceivedAsync(Collections.Storage.PaymentRecord payment, decimal openBalance, CancellationToken cancellationToken) => Count();

        public Task CreditedAsync(string invoiceNumber, Collections.Handlers.Invoices.CreditNote credit, decimal openBalance, CancellationToken cancellationToken) => Count();

        public Task CancelledAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) => Count();

        public Task DisputeChangedAsync(string invoiceNumber, Collections.Handlers.Invoices.DisputeChange dispute, CancellationToken cancellationToken) => Count();

        public Task PausedAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken) => Count();

        public Task ResumedAsync(string invoiceNumber, CancellationToken cancellationToken) => Count();

        public Task ContactDetailsUpdatedAsync(Collections.Storage.InvoiceRecord invoice, Collections.Workflow.ContactDetailsUpdated change, CancellationToken cancellationToken) => Count();

        public Task WhatsAppConsentChangedAsync(Collections.Storage.InvoiceRecord invoice, CancellationToken cancellationToken) => Count();

        public Task AmendedAsync(Collections.Storage.InvoiceRecord invoice, CancellationToken cancellationToken) => Count();

        public Task PlanAgreedAsync(string invoiceNumber, IReadOnlyList<Collections.Workflow.Instalment> instalments, CancellationToken cancellationToken) => Count();

        public Task CallOutcomeAsync(Collections.Storage.CallTaskRecord task, Collections.Handlers.Calls.CallOutcomeRequest outcome, CancellationToken cancellationToken) => Count();

        public Task ApprovalDecidedAsync(Collections.Storage.ApprovalRecord approval, CancellationToken cancellationToken) => Count();

        public Task DeliveryFailedAsync(Collections.Handlers.Deliveries.DeliveryFailure failure, CancellationToken cancellationToken) => Count();

        public async Task<WorkflowView?> GetAsync(string invoiceNumber, CancellationToken cancellationToken)
        {
            await Count();
            return null;
        }

        public async Task<bool> PurgeAsync(string invoiceNumber, CancellationToken cancellationToken)
        {
            await Count();
            return false;
        }

        private Task Count()
        {
            Calls++;
            return Task.CompletedTask;
        }
    }
}
