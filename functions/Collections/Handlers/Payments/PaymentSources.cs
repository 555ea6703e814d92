namespace Collections.Handlers.Payments;

/// <summary>The values of <see cref="Storage.PaymentRecord.Source"/>.</summary>
public static class PaymentSources
{
    public const string Accounting = "accounting";
    public const string Webhook = "webhook";
    public const string Stripe = "stripe";
    public const string Mollie = "mollie";
}
