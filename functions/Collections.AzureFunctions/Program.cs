using Collections.AzureFunctions.Hosting;
using Collections.AzureFunctions.Http;
using Collections.AzureFunctions.Workflows;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Azure Functions host of the product (registrations: FunctionsAppServiceCollectionExtensions).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<PageLimitsMiddleware>();
builder.UseMiddleware<ApiKeyMiddleware>();
builder.UseMiddleware<DurableClientMiddleware>();
builder.Services.AddCollectionsFunctionsApp(builder.Configuration);

builder.Build().Run();
