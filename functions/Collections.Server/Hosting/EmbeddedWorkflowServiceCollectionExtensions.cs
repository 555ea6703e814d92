using Collections.Handlers;
using Collections.Policy;
using Collections.Server.Workflows;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collections.Server.Hosting;

internal static class EmbeddedWorkflowServiceCollectionExtensions
{
    public const string DatabaseFile = "workflows.db";

    /// <summary>The embedded runtime with the invoice workflow (its database in the data folder, run by the
    /// workflow engineer's hosted service), the policy new workflows are pinned to, and the handlers'
    /// <see cref="IInvoiceWorkflows"/> port over both. Settings are read here, at registration, because
    /// the runtime's registration takes them as values.</summary>
    public static IServiceCollection AddEmbeddedWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CollectionsOptions.Section).Get<CollectionsOptions>() ?? new CollectionsOptions();
        services.AddCollectionsWorkflows(
            Path.Combine(Directory.CreateDirectory(options.DataPath).FullName, DatabaseFile),
            ActivityOptionsFactory.Create(configuration, options));
        services.TryAddSingleton(LoadPolicy(options.PolicyPath));
        services.TryAddSingleton<IInvoiceWorkflows, EmbeddedInvoiceWorkflows>();
        return services;
    }

    /// <exception cref="PolicyException">The policy file is not valid; the message names the field.</exception>
    private static CollectionsPolicy LoadPolicy(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return new CollectionsPolicy();
        }

        return File.Exists(path)
            ? PolicyDocument.Parse(File.ReadAllText(path))
            : throw new PolicyException($"Collections:PolicyPath '{path}' does not exist.");
    }
}
