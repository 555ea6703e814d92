using Collections.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collections.Deployment.Tests.AzureFunctions;

/// <summary>The Functions app registers the server's services with AddCollections and removes the hosted services
/// that registration adds (Program.cs). That must remove only the server's own background work.</summary>
public sealed class ServerRegistrationsTests
{
    [Fact]
    public void AddCollections_HostedServices_AreTheEmbeddedRuntimeAndTheConsoleBannerOnly()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "collections-deployment-tests", Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        try
        {
            services.AddCollections(new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("Collections:DataPath", (string?)dataPath)]).Build());

            var hosted = services.Where(service => service.ServiceType == typeof(IHostedService)).Select(service => service.ImplementationType?.Name).Order().ToList();
            Assert.Equal(["StartupBanner", "WorkflowHost"], hosted);
        }
        finally
        {
            if (Directory.Exists(dataPath))
            {
                Directory.Delete(dataPath, recursive: true);
            }
        }
    }
}
