using System.Security.Cryptography;
using System.Text;

namespace Collections.Durable.Engine;

/// <summary>
/// Name-based GUIDs: the first 16 bytes of SHA-256 over the name, with the RFC 9562 version 8 and variant bits
/// set (RFC 9562 §5.8 allows custom hashes in version 8). The same name always gives the same GUID.
/// </summary>
internal static class DeterministicGuid
{
    public static Guid FromName(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
