using System.Text.Json;

namespace Collections.Web.Staff;

/// <summary>
/// The staff accounts made with <c>staff add</c>: <c>staff-accounts.json</c> in the data folder, beside the
/// local API key, readable only by the owner where the OS allows. It holds password hashes, never passwords.
/// The server reads it at every sign-in, so an account added while it runs works at once.
/// </summary>
public static class StaffAccountFile
{
    public const string FileName = "staff-accounts.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathIn(string dataPath) => Path.GetFullPath(Path.Combine(dataPath, FileName));

    public static IReadOnlyList<StaffUser> Load(string dataPath)
    {
        var path = PathIn(dataPath);
        return File.Exists(path) ? JsonSerializer.Deserialize<List<StaffUser>>(File.ReadAllText(path), Json) ?? [] : [];
    }

    /// <summary>Adds the account, or replaces the one with the same name (a new password); true when it was new.</summary>
    public static bool Save(string dataPath, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var existing = Load(dataPath);
        var others = existing.Where(account => !SameName(account.UserName, user.UserName)).ToList();
        var added = others.Count == existing.Count;
        Directory.CreateDirectory(dataPath);
        var path = PathIn(dataPath);
        var temporary = path + ".new";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, (List<StaffUser>)[.. others, user], Json);
        }

        File.Move(temporary, path, overwrite: true);
        return added;
    }

    public static bool SameName(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
