using Collections.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Collections.AzureFunctions.Http;

/// <summary>The pages' stylesheet and script (<c>PageAssetEndpoints</c>), which the debtor and approval pages load.</summary>
public sealed class PageAssetFunctions
{
    [Function("PageStyle")]
    public Task<IResult> PageStyle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "pages/assets/pages-1.css")] HttpRequest request) =>
        PageAssetEndpoints.StyleAsync(request.HttpContext);

    [Function("PageScript")]
    public Task<IResult> PageScript(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "pages/assets/pages-1.js")] HttpRequest request) =>
        PageAssetEndpoints.ScriptAsync(request.HttpContext);
}
