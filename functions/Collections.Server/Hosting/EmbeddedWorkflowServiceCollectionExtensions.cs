using Collections.Handlers;
using Collections.Server.Workflows;
using Collections.Web.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collections.Server.Hosting;

internal static class EmbeddedWorkflowServiceCollectionExtensions
{
    public const string DatabaseFile = "workflows.db";

    /// <summary>The embedded runtime with the invoice workflow (its database in the data folder, run by the
    /// workflow engineer's hosted service) and the handlers' <see cref="IInvoiceWorkflows"/> port over it. Settings are read here, at registration, because
    /// the runtime's registration takes them as values.</summary>
    public static IServiceCollection AddEmbeddedWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CollectionsOptions.Section).Get<CollectionsOptions>() ?? new CollectionsOptions();
        services.AddCollectionsWorkflows(
            Path.Combine(Directory.CreateDirectory(options.DataPath).FullName, DatabaseFile),
            ActivityOptionsFactory.Create(configuration, options, SecretSource.ConfigurationOrGeneratedIn(options.DataPath)));
        services.TryAddSingleton<IInvoiceWorkflows, EmbeddedInvoiceWorkflows>();
        return services;
    }
}
