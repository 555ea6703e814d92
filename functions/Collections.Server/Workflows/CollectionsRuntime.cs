using Collections.Activities;
using Collections.Durable;
using Collections.Json;
using Collections.Messaging;
using Collections.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Server.Workflows;

/// <summary>The embedded runtime set up for the product: its workflows and activities registered, the
/// product's JSON options. The server starts it; <c>simulate</c> and tests drive it in virtual time.</summary>
public static class CollectionsRuntime
{
    public static DurableRuntime Create(
        string databasePath,
        TimeProvider time,
        ICollectionsStore store,
        IMessageSender sender,
        InvoiceActivityOptions options,
        ILoggerFactory? loggerFactory = null,
        int maxConcurrentActivities = 64)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid activity options: " + string.Join(" ", problems), nameof(options));
        }

        var registry = new DurableRegistry().AddCollectionsWorkflows(new InvoiceActivities(store, sender, options));
        return new DurableRuntime(registry, new DurableRuntimeOptions
        {
            DatabasePath = databasePath,
            TimeProvider = time,
            JsonSerializerOptions = CollectionsJson.Options,
            LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance,
            MaxConcurrentActivities = maxConcurrentActivities,
        });
    }
}
