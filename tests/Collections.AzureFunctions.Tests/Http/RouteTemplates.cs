using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.AzureFunctions.Tests.Http;

/// <summary>Route templates as ASP.NET Core routing reads them (the server's endpoints and the Functions host's
/// HTTP routes both use its template syntax): a path matches when its segments fit and every inline constraint
/// (e.g. <c>regex(^(approve|reject)$)</c>) accepts the value.</summary>
internal sealed class RouteTemplates(IEnumerable<string> templates)
{
    private static readonly IInlineConstraintResolver Constraints =
        new ServiceCollection().AddRouting().BuildServiceProvider().GetRequiredService<IInlineConstraintResolver>();

    private readonly List<(string Template, RouteTemplate Parsed)> routes =
        [.. templates.Select(template => (template, TemplateParser.Parse(template.Trim('/'))))];

    /// <summary>The template that serves the path, or null.</summary>
    public string? Match(string path) => routes.FirstOrDefault(route => Matches(route.Parsed, path)).Template;

    private static bool Matches(RouteTemplate template, string path)
    {
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(template, new RouteValueDictionary()).TryMatch(path, values))
        {
            return false;
        }

        return template.Parameters.All(parameter => parameter.InlineConstraints.All(constraint =>
            Constraints.ResolveConstraint(constraint.Constraint)!.Match(httpContext: null, route: null, parameter.Name!, values, RouteDirection.IncomingRequest)));
    }
}
