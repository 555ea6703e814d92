using System.Buffers.Text;
using System.Security.Cryptography;

namespace Collections.Server.Hosting;

/// <summary>The key a fresh installation generates for itself when no keys are configured, kept in
/// the data folder so it survives restarts (and readable only by the owner where the OS allows).</summary>
public static class LocalApiKey
{
    public const string FileName = "local-api-key";

    public static (string Key, string Path, bool Created) LoadOrCreate(string dataPath)
    {
        Directory.CreateDirectory(dataPath);
        var path = Path.GetFullPath(Path.Combine(dataPath, FileName));
        if (File.Exists(path))
        {
            return (File.ReadAllText(path).Trim(), path, false);
        }

        var key = "local_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return (File.ReadAllText(path).Trim(), path, false);
        }

        return (key, path, true);
    }
}
