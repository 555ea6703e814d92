using Azure.Core.Serialization;
using Collections.Activities;
using Collections.AzureFunctions.Http;
using Collections.AzureFunctions.Workflows;
using Collections.Handlers;
using Collections.Json;
using Collections.Messaging;
using Collections.Policy;
using Collections.Server.Api;
using Collections.Server.Hosting;
using Collections.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The Azure Functions host of the product: the server's registrations (AddCollections: options, store, channels,
// handlers), with the workflows on Durable Functions instead of the embedded runtime.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ApiKeyMiddleware>();

// Registered before AddCollections, whose registrations are TryAdd: the Durable Task implementation wins.
builder.Services.AddSingleton<IInvoiceWorkflows, DurableInvoiceWorkflows>();
builder.Services.AddCollections(builder.Configuration);
builder.Services.AddSingleton(ReadPolicy(builder.Configuration));
builder.Services.AddSingleton(provider => new InvoiceActivities(
    provider.GetRequiredService<ICollectionsStore>(), provider.GetRequiredService<IMessageSender>(), ReadActivityOptions(builder.Configuration)));

// HTTP answers written as the server writes them; workflow inputs, outputs, events and custom status in the product's JSON.
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
builder.Services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(CollectionsJson.Options));

builder.Build().Run();

// Collections:PolicyPath names a policy file; without it the built-in Dutch defaults apply (as in `simulate`).
static CollectionsPolicy ReadPolicy(IConfiguration configuration) =>
    configuration["Collections:PolicyPath"] is { Length: > 0 } path ? PolicyDocument.Parse(File.ReadAllText(path)) : new CollectionsPolicy();

static InvoiceActivityOptions ReadActivityOptions(IConfiguration configuration)
{
    var options = configuration.GetSection("Collections:Activities").Get<InvoiceActivityOptions>()
        ?? throw new InvalidOperationException("Collections:Activities is not configured (creditor, link bases, approval token secret).");
    var problems = options.Validate();
    return problems.Count == 0 ? options : throw new InvalidOperationException("Collections:Activities: " + string.Join(" ", problems));
}
