using Collections.Web.Hosting;
using Collections.Web.Staff;

namespace Collections.Server.Hosting.Demo;

/// <summary>The staff account <c>--demo</c> makes in its own data folder, so a newcomer can sign in at once;
/// its password is generated on the first demo run and kept beside the demo data (the banner prints both).</summary>
public sealed record DemoAccount(string UserName, string Password)
{
    public const string Name = "demo";
    public const string PasswordFile = "demo-staff-password";

    public static DemoAccount Ensure(string dataPath)
    {
        var (password, _, _) = LocalSecret.LoadOrCreate(dataPath, PasswordFile);
        var existing = StaffAccountFile.Load(dataPath).FirstOrDefault(user => StaffAccountFile.SameName(user.UserName, Name));
        if (existing is null || !StaffPasswords.Verify(existing.PasswordHash, password))
        {
            StaffAccountFile.Save(dataPath, new StaffUser { UserName = Name, PasswordHash = StaffPasswords.Hash(password), DisplayName = "Demo" });
        }

        return new DemoAccount(Name, password);
    }
}
