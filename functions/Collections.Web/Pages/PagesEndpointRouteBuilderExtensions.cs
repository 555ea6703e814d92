using Collections.Web.DebtorPages;
using Collections.Web.Staff;

namespace Collections.Web.Pages;

public static class PagesEndpointRouteBuilderExtensions
{
    /// <summary>The staff pages under <c>/staff</c> (signed-in staff only), the debtor pages under
    /// <c>/debtor</c> (signed links) and their stylesheet and script.</summary>
    public static IEndpointRouteBuilder MapCollectionsPages(this IEndpointRouteBuilder app)
    {
        app.MapPageAssets();
        app.MapStaffSignIn();
        app.MapDebtorPages();

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
