using Collections.Web.DebtorPages;
using Collections.Web.Staff;

namespace Collections.Web.Pages;

public static class PagesServiceCollectionExtensions
{
    /// <summary>Staff sign-in (cookie, or App Service's identity header), antiforgery for the pages' forms,
    /// and the debtor-link signer.</summary>
    public static IServiceCollection AddCollectionsPages(this IServiceCollection services)
    {
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "collections-antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__form";
        });
        services.AddStaffAuthentication();
        services.AddOptions<DebtorPagesOptions>().BindConfiguration(DebtorPagesOptions.Section);
        services.AddSingleton<DebtorLinks>();
        services.AddSingleton<DebtorRequests>();
        return services;
    }
}
