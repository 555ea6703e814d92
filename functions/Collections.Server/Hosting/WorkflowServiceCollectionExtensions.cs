using Collections.Durable;
using Collections.Handlers;
using Collections.Messaging;
using Collections.Policy;
using Collections.Server.Workflows;
using Collections.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collections.Server.Hosting;

internal static class WorkflowServiceCollectionExtensions
{
    public const string DatabaseFile = "workflows.db";

    /// <summary>The embedded runtime with the invoice workflow (database in the data folder), the policy
    /// new workflows are pinned to, and the <see cref="IInvoiceWorkflows"/> port over both.</summary>
    public static IServiceCollection AddEmbeddedWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(provider =>
        {
            var path = provider.GetRequiredService<IOptions<CollectionsOptions>>().Value.PolicyPath;
            return string.IsNullOrEmpty(path) ? new CollectionsPolicy() : PolicyDocument.Parse(File.ReadAllText(path));
        });
        services.TryAddSingleton(provider =>
            ActivityOptionsFactory.Create(configuration, provider.GetRequiredService<IOptions<CollectionsOptions>>().Value));
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<CollectionsOptions>>().Value;
            Directory.CreateDirectory(options.DataPath);
            return CollectionsRuntime.Create(
                Path.Combine(options.DataPath, DatabaseFile),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ICollectionsStore>(),
                provider.GetRequiredService<IMessageSender>(),
                provider.GetRequiredService<Activities.InvoiceActivityOptions>(),
                provider.GetRequiredService<ILoggerFactory>());
        });
        services.TryAddSingleton(provider => new InvoiceWorkflowClient(provider.GetRequiredService<DurableRuntime>().Client));
        services.TryAddSingleton<IInvoiceWorkflows, EmbeddedInvoiceWorkflows>();
        services.AddHostedService<WorkflowRuntimeService>();
        return services;
    }
}
