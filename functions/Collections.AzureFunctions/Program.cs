using Collections.Activities;
using Collections.AzureFunctions.Http;
using Collections.AzureFunctions.Workflows;
using Collections.Handlers;
using Collections.Json;
using Collections.Policy;
using Collections.Server.Api;
using Collections.Server.Hosting;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The Azure Functions host of the product: the same registrations as the server (AddCollections), with the
// workflows on Durable Functions instead of the embedded runtime.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ApiKeyMiddleware>();

// Registered before AddCollections, whose registrations are TryAdd: the Durable Task implementation wins.
builder.Services.AddSingleton<IInvoiceWorkflows, DurableInvoiceWorkflows>();
builder.Services.AddSingleton(builder.Configuration["Collections:PolicyPath"] is { Length: > 0 } policyPath
    ? PolicyDocument.Parse(File.ReadAllText(policyPath))
    : new CollectionsPolicy());
builder.Services.AddCollections(builder.Configuration);
builder.Services.AddSingleton(provider => new InvoiceActivities(
    provider.GetRequiredService<Collections.Storage.ICollectionsStore>(),
    provider.GetRequiredService<Collections.Messaging.IMessageSender>(),
    builder.Configuration.GetSection("Collections:Activities").Get<InvoiceActivityOptions>()
        ?? throw new InvalidOperationException("Collections:Activities is not configured.")));

// HTTP answers as the server writes them; workflow inputs, outputs, events and custom status in the product's JSON.
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
builder.Services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(CollectionsJson.Options));

builder.Build().Run();
