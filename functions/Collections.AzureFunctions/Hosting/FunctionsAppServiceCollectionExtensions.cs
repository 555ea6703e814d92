using System.Diagnostics;
using Collections.Activities;
using Collections.AzureFunctions.Http;
using Collections.AzureFunctions.Workflows;
using Collections.Handlers;
using Collections.Messaging;
using Collections.Storage;
using Collections.Web.Api;
using Collections.Web.Hosting;
using Collections.Web.Pages;
using Collections.Web.Security;
using Collections.Web.Privacy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collections.AzureFunctions.Hosting;

public static class FunctionsAppServiceCollectionExtensions
{
    /// <summary>The Functions app's services: the shared registrations (AddCollections: options, store, channels,
    /// policy, handlers) with the workflows on Durable Functions, secrets from configuration only, and a start-up
    /// check that refuses to start, naming each missing setting (<see cref="RequiredSettings"/>).</summary>
    public static IServiceCollection AddCollectionsFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RequiredSettingsCheck>()
            .Validate(_ => RequiredSettings.Problems(configuration).Count == 0, string.Join(Environment.NewLine, RequiredSettings.Problems(configuration)))
            .ValidateOnStart();

        services.AddSingleton(SecretSource.ConfigurationOnly);
        services.AddCollections(configuration);
        services.AddSingleton<IInvoiceWorkflows, DurableInvoiceWorkflows>();
        services.AddSingleton<DurableClientSource>();
        services.AddSingleton<IFunctionMetadataTransformer, DurableClientMetadataTransformer>();
        services.AddCollectionsPrivacy();
        services.AddCollectionsPages();
        services.AddStaffSignInThroughAppService();
        services.AddRouting();
        // Routing reports to ASP.NET Core's diagnostic listener, which the web host registers; the same one when it did.
        services.TryAddSingleton(new DiagnosticListener("Microsoft.AspNetCore"));
        services.AddSingleton<StaffPagePipeline>();
        services.AddSharedDataProtection();

        // The activities with their settings (section Collections:Activities).
        services.AddSingleton(provider => new InvoiceActivities(
            provider.GetRequiredService<ICollectionsStore>(),
            provider.GetRequiredService<IMessageSender>(),
            ActivityOptionsFactory.Create(configuration, provider.GetRequiredService<IOptions<CollectionsOptions>>().Value, SecretSource.ConfigurationOnly)));

        // HTTP answers written as the self-hosted server writes them; workflow inputs, outputs, events and custom status in the product's JSON.
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.Configure<WorkerOptions>(worker =>
        {
            worker.Serializer = DurableSerializer.Instance;
            worker.InputConverters.Register<DurableClientConverter>();
        });
        return services;
    }

    /// <summary>The options type the start-up check hangs on; it carries nothing.</summary>
    private sealed class RequiredSettingsCheck;
}
