using System.Globalization;
using System.Text;

namespace Collections.Infrastructure.Storage;

/// <summary>
/// Turns product ids into PartitionKey/RowKey values. Azure Tables forbids '/', '\', '#', '?'
/// and control characters U+0000–U+001F, U+007F–U+009F in keys, and limits a key to 1 KiB
/// (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#characters-disallowed-in-key-fields).
/// Those characters, and '%' itself, become "%XX" (the char code in hex), so the mapping is reversible.
/// </summary>
internal static class TableKeys
{
    // 1 KiB of UTF-16 code units.
    private const int MaxKeyChars = 512;

    public static string Escape(string value, string field)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var character in value)
        {
            if (character is '/' or '\\' or '#' or '?' or '%' || char.IsControl(character))
            {
                builder.Append('%').Append(((int)character).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        if (builder.Length > MaxKeyChars)
        {
            throw new ArgumentException($"{field} is too long for an Azure Tables key ({builder.Length} characters once escaped, at most {MaxKeyChars}).", field);
        }

        return builder.ToString();
    }

    public static string Unescape(string key)
    {
        if (!key.Contains('%', StringComparison.Ordinal))
        {
            return key;
        }

        var builder = new StringBuilder(key.Length);
        for (var index = 0; index < key.Length; index++)
        {
            if (key[index] == '%' && index + 2 < key.Length)
            {
                builder.Append((char)int.Parse(key.AsSpan(index + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                index += 2;
            }
            else
            {
                builder.Append(key[index]);
            }
        }

        return builder.ToString();
    }
}
