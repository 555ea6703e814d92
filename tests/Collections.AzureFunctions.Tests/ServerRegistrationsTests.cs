using Collections.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collections.AzureFunctions.Tests;

/// <summary>The Functions app registers the shared services with AddCollections; that registration must bring no
/// background work of the self-hosted server (embedded runtime, console banner) with it.</summary>
public sealed class ServerRegistrationsTests
{
    [Fact]
    public void AddCollections_AddsNoHostedService()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "collections-functions-tests", Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        try
        {
            services.AddCollections(new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("Collections:DataPath", (string?)dataPath)]).Build());

            Assert.DoesNotContain(services, service => service.ServiceType == typeof(IHostedService));
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
