using Microsoft.AspNetCore.Identity;

namespace Collections.Server.Staff;

/// <summary>Password hashes for <c>Collections:Staff:Users</c>, in ASP.NET Core Identity's format
/// (version byte 0x01, PRF, iteration count, salt, PBKDF2 subkey; base64). Configuration holds only hashes.</summary>
public static class StaffPasswords
{
    private static readonly PasswordHasher<StaffUser> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(new StaffUser(), password);

    /// <summary>Constant-time check of a password against a stored hash; false for a malformed hash.</summary>
    public static bool Verify(string passwordHash, string password)
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
