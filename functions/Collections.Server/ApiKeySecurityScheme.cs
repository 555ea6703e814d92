using Collections.Web.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Collections.Server;

/// <summary>Describes the <c>X-Api-Key</c> header in the OpenAPI document, on the operations that need it
/// (the /api endpoints other than provider webhooks and Event Grid), so the reference page can send it.</summary>
internal static class ApiKeySecurityScheme
{
    private const string SchemeName = "ApiKey";

    public static OpenApiOptions AddApiKeySecurityScheme(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyFilter.HeaderName,
                Description = "The key of an accounting system or staff tool (Collections:ApiKeys, or the generated local key).",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var path = "/" + (context.Description.RelativePath ?? string.Empty);
            if (path.StartsWith("/api/", StringComparison.Ordinal)
                && !path.StartsWith("/api/webhooks/", StringComparison.Ordinal)
                && !path.StartsWith("/api/events/", StringComparison.Ordinal))
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
