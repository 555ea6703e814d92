using Azure.Core.Serialization;
using Collections.Activities;
using Collections.AzureFunctions.Http;
using Collections.AzureFunctions.Workflows;
using Collections.Handlers;
using Collections.Json;
using Collections.Messaging;
using Collections.Server.Api;
using Collections.Server.Hosting;
using Collections.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// The Azure Functions host of the product: the server's registrations (AddCollections: options, store, channels,
// policy, activity options, handlers), with the workflows on Durable Functions instead of the embedded runtime.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ApiKeyMiddleware>();

// Registered before AddCollections, whose registrations are TryAdd: the Durable Task implementation wins.
builder.Services.AddSingleton<IInvoiceWorkflows, DurableInvoiceWorkflows>();
var beforeServer = builder.Services.Count;
builder.Services.AddCollections(builder.Configuration);

// AddCollections also adds the server's background services (the embedded workflow runtime, the console banner).
// Here the workflows run on Durable Functions, so none of them runs.
foreach (var hosted in builder.Services.Skip(beforeServer).Where(service => service.ServiceType == typeof(IHostedService)).ToList())
{
    builder.Services.Remove(hosted);
}

// The activities with the server's settings for them (section Collections:Activities; AddCollections checks them at start-up).
builder.Services.AddSingleton(provider => new InvoiceActivities(
    provider.GetRequiredService<ICollectionsStore>(),
    provider.GetRequiredService<IMessageSender>(),
    ActivityOptionsFactory.Create(builder.Configuration, provider.GetRequiredService<IOptions<CollectionsOptions>>().Value)));

// HTTP answers written as the server writes them; workflow inputs, outputs, events and custom status in the product's JSON.
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
builder.Services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(CollectionsJson.Options));

builder.Build().Run();
