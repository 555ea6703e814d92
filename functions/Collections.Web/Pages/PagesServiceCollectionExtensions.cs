using Collections.Web.DebtorPages;
using Collections.Web.Hosting;
using Collections.Web.Staff;
using Microsoft.Extensions.Options;

namespace Collections.Web.Pages;

public static class PagesServiceCollectionExtensions
{
    /// <summary>Staff sign-in (cookie, or App Service's identity header), antiforgery for the pages' forms,
    /// the debtor-link signer and the creditor as the reminders present it.</summary>
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
        services.AddSingleton<WhatsAppOffer>();
        services.AddSingleton(provider =>
        {
            var activities = ActivityOptionsFactory.Create(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IOptions<CollectionsOptions>>().Value);
            return new CreditorDetails(activities.Creditor, activities.PaymentLinkBase);
        });
        return services;
    }
}
