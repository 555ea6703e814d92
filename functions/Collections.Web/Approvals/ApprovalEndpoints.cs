using Collections.Handlers.Approvals;

namespace Collections.Web.Approvals;

/// <summary>Approval links from staff emails. GET only shows the request (mail scanners follow links);
/// the decision is a POST from the page's buttons, recorded once.</summary>
internal static class ApprovalEndpoints
{
    public static IEndpointRouteBuilder MapApprovalEndpoints(this IEndpointRouteBuilder app)
    {
        var approvals = app.MapGroup("/approvals")
            .WithTags("Approvals")
            .AddEndpointFilter(async (context, next) =>
            {
                KeepTokenPrivate(context.HttpContext.Response.Headers);
                return await next(context);
            });

        approvals.MapGet("/{token}", ShowAsync)
            .WithSummary("Shows the request with approve and reject buttons; never changes anything.");

        // The email links point at {token}/approve and {token}/reject: they too only show the page, with
        // the chosen answer as the first button.
        approvals.MapGet("/{token}/{decision:regex(^(approve|reject)$)}", ShowSuggestedAsync)
            .WithSummary("As GET /approvals/{token}, with the answer from the email link suggested; never changes anything.");

        approvals.MapPost("/{token}", DecideAsync)
            .DisableAntiforgery()
            .WithSummary("Records the decision (form field decision=approve|reject) once.");

        approvals.MapPost("/{token}/{decision:regex(^(approve|reject)$)}", DecideFromLinkAsync)
            .DisableAntiforgery()
            .WithSummary("Records the decision once (the form's decision field, else the one in the path).");

        return app;
    }

    internal static async Task<IResult> ShowAsync(string token, ApprovalHandler handler, CancellationToken cancellationToken) =>
        new ApprovalPageResult(await handler.GetAsync(token, cancellationToken), afterDecision: false);

    internal static async Task<IResult> ShowSuggestedAsync(string token, string decision, ApprovalHandler handler, CancellationToken cancellationToken) =>
        new ApprovalPageResult(await handler.GetAsync(token, cancellationToken), afterDecision: false, suggested: decision);

    internal static async Task<IResult> DecideAsync(string token, HttpRequest request, ApprovalHandler handler, CancellationToken cancellationToken) =>
        new ApprovalPageResult(await handler.DecideAsync(token, await FormDecisionAsync(request, cancellationToken), decidedBy: null, cancellationToken), afterDecision: true);

    internal static async Task<IResult> DecideFromLinkAsync(string token, string decision, HttpRequest request, ApprovalHandler handler, CancellationToken cancellationToken) =>
        new ApprovalPageResult(await handler.DecideAsync(token, await FormDecisionAsync(request, cancellationToken) ?? decision, decidedBy: null, cancellationToken), afterDecision: true);

    /// <summary>The token is in the URL: keep it out of caches, referrers and search indexes.</summary>
    internal static void KeepTokenPrivate(IHeaderDictionary headers)
    {
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
    }

    private static async Task<string?> FormDecisionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        return form.TryGetValue("decision", out var decision) ? decision.ToString() : null;
    }
}
