using Collections.Web.DebtorPages;
using Collections.Web.Staff;

namespace Collections.Web.Pages;

public static class PagesEndpointRouteBuilderExtensions
{
    /// <summary>The staff pages under <c>/staff</c> (signed-in staff only) with sign-in for local accounts, the debtor
    /// pages under <c>/debtor</c> (signed links) and their stylesheet and script.</summary>
    public static IEndpointRouteBuilder MapCollectionsPages(this IEndpointRouteBuilder app)
    {
        app.MapPageAssets();
        app.MapStaffSignIn();
        app.MapDebtorPages();
        app.MapStaffPages();
        return app;
    }

    /// <summary>The signed-in staff pages under <c>/staff</c>, without a sign-in of their own: the self-hosted server adds
    /// it for local accounts (<see cref="MapCollectionsPages"/>); on Azure, App Service authentication signs staff in.</summary>
    public static IEndpointRouteBuilder MapStaffPages(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/staff")
            .ExcludeFromDescription()
            .RequireAuthorization(StaffAuthentication.Policy)
            .RequireAntiforgeryToken();
        staff.MapGet("/", () => PageResult.SeeOther(SignInEndpoints.DefaultStart));
        staff.MapStaffSignOut();
        staff.MapCallList();
        staff.MapInvoicePage();
        staff.MapPersonalDataActions();
        staff.MapOverview();
        staff.MapStaffWork();
        staff.MapInvoiceFixes();
        staff.MapOpenItemsExport();
        return app;
    }
}
