using System.Text.RegularExpressions;

namespace Collections.Infrastructure.Payments;

/// <summary>
/// Mollie's payment webhook posts only <c>id=tr_…</c> as <c>application/x-www-form-urlencoded</c> and
/// carries no signature (Mollie docs, "Webhooks"): the payment is authentic only after fetching it
/// from the API with our key (<see cref="MollieClient"/>).
/// </summary>
public static partial class MollieWebhook
{
    /// <summary>The payment id from the form body.</summary>
    /// <exception cref="PaymentPayloadException">No <c>id</c>, or not a Mollie payment id.</exception>
    public static string ReadPaymentId(string formBody)
    {
        ArgumentNullException.ThrowIfNull(formBody);
        foreach (var pair in formBody.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(separator < 0 ? pair : pair[..separator]);
            if (name != "id")
            {
                continue;
            }

            var id = Decode(separator < 0 ? "" : pair[(separator + 1)..]);
            return PaymentId().IsMatch(id)
                ? id
                : throw new PaymentPayloadException("id", $"'{id}' is not a Mollie payment id (tr_…).");
        }

        throw new PaymentPayloadException("id", "The form has no id field.");
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    [GeneratedRegex("^tr_[A-Za-z0-9]{1,64}$")]
    private static partial Regex PaymentId();
}
