using System.Buffers.Text;
using System.Security.Cryptography;

namespace Collections.Web.Hosting;

/// <summary>Secrets a fresh installation generates for itself when none is configured (the local API
/// key, the approval-link secret), kept in the data folder so they survive restarts, readable only by
/// the owner where the OS allows.</summary>
public static class LocalSecret
{
    public const string ApiKeyFile = "local-api-key";
    public const string ApprovalSecretFile = "approval-token-secret";

    public static (string Value, string Path, bool Created) LoadOrCreate(string dataPath, string fileName, string prefix = "")
    {
        Directory.CreateDirectory(dataPath);
        var path = Path.GetFullPath(Path.Combine(dataPath, fileName));
        if (File.Exists(path))
        {
            return (File.ReadAllText(path).Trim(), path, false);
        }

        var value = prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(value);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return (File.ReadAllText(path).Trim(), path, false);
        }

        return (value, path, true);
    }
}
