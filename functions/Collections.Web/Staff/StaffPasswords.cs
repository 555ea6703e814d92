using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Collections.Web.Staff;

/// <summary>Password hashes for <c>Collections:Staff:Users</c>, in ASP.NET Core Identity's format
/// (version byte 0x01, PRF, iteration count, salt, PBKDF2 subkey; base64). Configuration holds only hashes.</summary>
public static class StaffPasswords
{
    private static readonly PasswordHasher<StaffUser> Hasher = new();

    /// <summary>Stands in for an unknown account: a hash of a random password, made with the same cost as real ones.
    /// Made when the class is first used, so not even the first unknown name takes longer than a known one.</summary>
    private static readonly string UnknownAccountHash = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    public static string Hash(string password) => Hasher.HashPassword(new StaffUser(), password);

    /// <summary>Constant-time check of a password against a stored hash; false for a malformed hash. For an
    /// unknown account (<paramref name="passwordHash"/> null) it hashes the password all the same and answers
    /// false, so the time taken does not tell whether the account exists.</summary>
    public static bool Verify(string? passwordHash, string password)
    {
        if (passwordHash is null)
        {
            _ = VerifyHash(UnknownAccountHash, password);
            return false;
        }

        return VerifyHash(passwordHash, password);
    }

    /// <summary>How many hashes Verify has checked: one per call, known account or not (the equal work, provable).</summary>
    internal static long HashesVerified => Interlocked.Read(ref hashesVerified);

    internal static string StandInHash => UnknownAccountHash;

    private static long hashesVerified;

    /// <summary>What a hash costs to check: ASP.NET Core Identity's v3 header (PRF, iteration count, salt length,
    /// big-endian after the version byte 0x01) and the subkey length; null when it is not such a hash.</summary>
    internal static (uint Prf, uint Iterations, uint SaltBytes, int SubkeyBytes)? CostOf(string passwordHash)
    {
        var bytes = new byte[passwordHash.Length];
        if (!Convert.TryFromBase64String(passwordHash, bytes, out var length) || length < 13 || bytes[0] != 0x01)
        {
            return null;
        }

        uint Read(int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at, 4));
        return (Read(1), Read(5), Read(9), length - 13 - (int)Read(9));
    }

    private static bool VerifyHash(string passwordHash, string password)
    {
        Interlocked.Increment(ref hashesVerified);
        try
        {
            return Hasher.VerifyHashedPassword(new StaffUser(), passwordHash, password) is not PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
