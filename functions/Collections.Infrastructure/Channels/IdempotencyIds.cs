using System.Security.Cryptography;
using System.Text;

namespace Collections.Infrastructure.Channels;

/// <summary>Provider ids derived from <c>OutgoingMessage.IdempotencyKey</c>, so every retry — even after a
/// restart — presents the same id to the provider.</summary>
public static class IdempotencyIds
{
    /// <summary>Our namespace for name-based UUIDs (a fixed random value, never change it).</summary>
    private static readonly Guid CollectionsNamespace = new("5b0f3c2e-8a4d-4c1e-9f27-3d6a1b8e0c54");

    /// <summary>Name-based UUID version 5 (RFC 9562 §5.5: SHA-1 of namespace + name, version and variant bits set).</summary>
    public static Guid NameBasedGuid(string purpose, string idempotencyKey)
    {
        var namespaceBytes = CollectionsNamespace.ToByteArray(bigEndian: true);
        var name = Encoding.UTF8.GetBytes($"{purpose}:{idempotencyKey}");
        var input = new byte[namespaceBytes.Length + name.Length];
        namespaceBytes.CopyTo(input, 0);
        name.CopyTo(input, namespaceBytes.Length);

#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for v5 UUIDs; this is an identifier, not a security hash.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A stable RFC 5322 Message-ID (without angle brackets): the same key gives the same id.</summary>
    public static string MessageId(string idempotencyKey, string domain)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
        return $"{hash[..32]}@{domain}";
    }
}
