using Collections.Activities;
using Collections.Durable;
using Collections.Messaging;
using Collections.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collections.Server.Workflows;

/// <summary>The embedded runtime with the product's workflows, as services: the runtime, the client hosts use
/// to start invoices and raise events, and a hosted service that runs it with the application.
/// Needs an <see cref="ICollectionsStore"/> and an <see cref="IMessageSender"/> registered.</summary>
public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddCollectionsWorkflows(this IServiceCollection services, string databasePath, InvoiceActivityOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid activity options: " + string.Join(" ", problems), nameof(options));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => CollectionsRuntime.Create(
            databasePath,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ICollectionsStore>(),
            provider.GetRequiredService<IMessageSender>(),
            options,
            provider.GetService<ILoggerFactory>()));
        services.AddSingleton(provider => new InvoiceWorkflowClient(provider.GetRequiredService<DurableRuntime>().Client));
        services.AddHostedService<WorkflowHost>();
        return services;
    }
}

/// <summary>Runs the embedded runtime for as long as the application runs.</summary>
public sealed class WorkflowHost(DurableRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
