namespace Collections.Infrastructure.Channels.Acs;

/// <summary>An ACS connection string: <c>endpoint=https://…/;accesskey=&lt;base64&gt;</c>.</summary>
public sealed record AcsConnectionString(Uri Endpoint, byte[] AccessKey)
{
    /// <summary>Parses the string as the ACS SDKs do: parts split on ';', each part on its FIRST '='
    /// (the base64 key itself ends in '='), names case-insensitive.</summary>
    public static AcsConnectionString Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException("The ACS connection string is empty; expected 'endpoint=https://<resource>.communication.azure.com/;accesskey=<base64>'.");
        }

        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new FormatException($"The ACS connection string has a part without 'name=value': '{Redact(part)}'.");
            }

            parts[part[..separator].Trim()] = part[(separator + 1)..].Trim();
        }

        if (!parts.TryGetValue("endpoint", out var endpointText) || endpointText.Length == 0)
        {
            throw new FormatException("The ACS connection string has no 'endpoint=' part.");
        }

        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new FormatException($"The ACS connection string's endpoint '{endpointText}' is not an absolute https URL.");
        }

        if (!parts.TryGetValue("accesskey", out var keyText) || keyText.Length == 0)
        {
            throw new FormatException("The ACS connection string has no 'accesskey=' part.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(keyText);
        }
        catch (FormatException e)
        {
            throw new FormatException("The ACS connection string's accesskey is not valid base64.", e);
        }

        return new AcsConnectionString(endpoint, key);
    }

    private static string Redact(string part) => part.Length <= 12 ? part : part[..12] + "…";
}
