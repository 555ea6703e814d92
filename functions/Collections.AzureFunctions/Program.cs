using Collections.AzureFunctions.Hosting;
using Collections.AzureFunctions.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Azure Functions host of the product (registrations: FunctionsAppServiceCollectionExtensions).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ApiKeyMiddleware>();
builder.Services.AddCollectionsFunctionsApp(builder.Configuration);

builder.Build().Run();
