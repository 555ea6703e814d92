using Collections.Policy;
using Collections.Server.Hosting;
using Collections.Server.Hosting.Demo;
using Collections.Server.Api;
using Collections.Server.Privacy;
using Collections.Web.Privacy;
using Collections.Web.Api;
using Collections.Web.Approvals;
using Collections.Web.Hosting;
using Collections.Web.Pages;
using Collections.Web.Security;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Collections.Server;

/// <summary>The self-hosted web app: HTTP API for accounting systems, payment-provider webhooks,
/// staff endpoints and approval pages, over the store and the embedded workflow runtime.</summary>
public static class ServerApp
{
    public const string DefaultUrl = CollectionsOptions.DefaultPublicBaseUrl;

    /// <param name="configureServices">Runs after the product's registrations, so a test can replace one.</param>
    /// <param name="args">Command-line arguments; <c>--demo</c> seeds demo invoices and runs an accelerated clock.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var demo = DemoMode.TryTake(args, out args);
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        if (demo)
        {
            DemoMode.Configure(builder);
        }

        // A single node: a secret that is not configured is generated once into the data folder.
        builder.Services.AddSingleton(provider => SecretSource.ConfigurationOrGeneratedIn(
            provider.GetRequiredService<IOptions<CollectionsOptions>>().Value.DataPath));
        builder.Services.AddCollections(builder.Configuration);
        builder.Services.AddCollectionsPrivacy();
        builder.Services.AddHostedService<RetentionHost>();
        builder.Services.AddEmbeddedWorkflows(builder.Configuration);
        builder.Services.AddHostedService<StartupBanner>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(options => options.AddApiKeySecurityScheme());
        builder.Services.AddCollectionsPages();
        builder.Services.AddCollectionsDataProtection(builder.Configuration);
        builder.Services.AddRequestLimits(builder.Configuration, builder.WebHost);
        builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = RequestLimits.StatusCodeFor });
        app.UseStatusCodePages();
        app.UseRequestLimits(builder.Configuration);

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription();

        var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>();
        api.MapInvoiceEndpoints();
        api.MapCallEndpoints();
        api.MapOutboxEndpoints();
        api.MapOperationsEndpoints();
        api.MapPrivacyEndpoints();
        app.MapPaymentWebhookEndpoints();
        app.MapDeliveryReportEndpoints();
        app.MapApprovalEndpoints();
        app.MapHealthEndpoints();
        app.MapCollectionsPages();
        return app;
    }

    /// <summary>Runs the server until it is stopped; 1 when the configuration is invalid.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            await Build(args).RunAsync();
            return 0;
        }
        catch (OptionsValidationException exception)
        {
            await Console.Error.WriteLineAsync("Collections: the configuration is not valid:");
            foreach (var failure in exception.Failures)
            {
                await Console.Error.WriteLineAsync($"  {failure}");
            }

            return 1;
        }
        catch (PolicyException exception)
        {
            await Console.Error.WriteLineAsync($"Collections: the policy is not valid: {exception.Message}");
            return 1;
        }
    }
}
