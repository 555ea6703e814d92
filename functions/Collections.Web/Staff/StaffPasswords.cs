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

    private static bool VerifyHash(string passwordHash, string password)
    {
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
