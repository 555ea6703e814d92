using System.Security.Cryptography;
using System.Text;

namespace Collections.Web.Hosting;

/// <summary>The API keys the server accepts. Keys are compared as SHA-256 digests in constant time,
/// so neither the length nor a matching prefix of a key leaks through response timing.</summary>
public sealed class ApiKeyRing
{
    public const int MinimumKeyLength = 16;

    private readonly IReadOnlyList<byte[]> digests;

    public ApiKeyRing(IEnumerable<string> keys)
    {
        digests = keys.Select(Digest).ToList();
    }

    public bool Accepts(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var digest = Digest(presented);
        var accepted = false;
        foreach (var known in digests)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(known, digest);
        }

        return accepted;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
