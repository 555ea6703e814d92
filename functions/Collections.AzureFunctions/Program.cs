using Collections.Activities;
using Collections.AzureFunctions.Http;
using Collections.AzureFunctions.Workflows;
using Collections.Handlers;
using Collections.Messaging;
using Collections.Storage;
using Collections.Web.Api;
using Collections.Web.Hosting;
using Collections.Web.Privacy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// The Azure Functions host of the product: the shared registrations (AddCollections: options, store, channels,
// policy, handlers), with the workflows on Durable Functions.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ApiKeyMiddleware>();

builder.Services.AddCollections(builder.Configuration);
builder.Services.AddSingleton<IInvoiceWorkflows, DurableInvoiceWorkflows>();
builder.Services.AddCollectionsPrivacy();

// The activities with their settings (section Collections:Activities; AddCollections checks them at start-up).
builder.Services.AddSingleton(provider => new InvoiceActivities(
    provider.GetRequiredService<ICollectionsStore>(),
    provider.GetRequiredService<IMessageSender>(),
    ActivityOptionsFactory.Create(builder.Configuration, provider.GetRequiredService<IOptions<CollectionsOptions>>().Value)));

// HTTP answers written as the self-hosted server writes them; workflow inputs, outputs, events and custom status in the product's JSON.
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
builder.Services.Configure<WorkerOptions>(worker => worker.Serializer = DurableSerializer.Instance);

builder.Build().Run();
