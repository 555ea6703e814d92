using Collections.Web.DebtorPages;
using Collections.Web.Hosting;
using Collections.Web.Staff;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collections.Web.Pages;

public static class PagesServiceCollectionExtensions
{
    /// <summary>Staff sign-in (cookie, or App Service's identity header), antiforgery for the pages' forms,
    /// the debtor-link signer and the creditor as the reminders present it.</summary>
    public static IServiceCollection AddCollectionsPages(this IServiceCollection services)
    {
        services.AddDebtorPages();
        services.AddStaffAuthentication();
        return services;
    }

    /// <summary>Staff sign in with App Service authentication only (the Functions app): a request that reaches a staff
    /// page without its identity header is sent to App Service's sign-in, which brings the staff member back after it
    /// (<c>post_login_redirect_uri</c>), instead of to the local accounts' sign-in page.</summary>
    public static IServiceCollection AddStaffSignInThroughAppService(this IServiceCollection services)
    {
        services.PostConfigure<CookieAuthenticationOptions>(StaffAuthentication.CookieScheme, options =>
        {
            options.LoginPath = StaffAuthentication.AppServiceSignIn;
            options.AccessDeniedPath = StaffAuthentication.AppServiceSignIn;
            options.ReturnUrlParameter = "post_login_redirect_uri";
        });
        return services;
    }

    /// <summary>What the debtor pages need (the Functions app serves these without the staff pages): rendering and
    /// localizing page components, antiforgery for their forms, the debtor-link signer, the debtor's requests and the creditor as the reminders present it.</summary>
    public static IServiceCollection AddDebtorPages(this IServiceCollection services)
    {
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "collections-antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__form";
        });
        // The pages are Razor components rendered on the server (PageResult); their texts come from .resx resources.
        services.AddRazorComponents();
        services.TryAddSingleton<IWebHostEnvironment>(provider => new PagesHostEnvironment(provider.GetService<IHostEnvironment>()));
        services.AddLocalization();
        services.AddOptions<DebtorPagesOptions>().BindConfiguration(DebtorPagesOptions.Section);
        services.AddSingleton<DebtorLinks>();
        services.AddSingleton<DebtorRequests>();
        services.AddSingleton<WhatsAppOffer>();
        services.AddSingleton(provider =>
        {
            var activities = ActivityOptionsFactory.Create(
                provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IOptions<CollectionsOptions>>().Value, provider.GetRequiredService<SecretSource>());
            return new CreditorDetails(activities.Creditor, activities.PaymentLinkBase);
        });
        return services;
    }
}
