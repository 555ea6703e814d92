namespace Collections.Web.Hosting;

/// <summary>A setting the host needs is not configured. The message names it as an app setting
/// (<c>Collections__Activities__ApprovalTokenSecret</c>), the form Azure and environment variables use.</summary>
public sealed class MissingSettingException(string settingKey)
    : InvalidOperationException(
        $"{AppSettingName(settingKey)} is not set. Every secret of this host comes from configuration "
        + "(on Azure a Key Vault reference; see docs/azure.md): instances that scale out must share them, so this host generates none.")
{
    public string SettingKey { get; } = settingKey;

    /// <summary><c>Collections:Activities:ApprovalTokenSecret</c> → <c>Collections__Activities__ApprovalTokenSecret</c>.</summary>
    public static string AppSettingName(string settingKey)
    {
        ArgumentNullException.ThrowIfNull(settingKey);
        return settingKey.Replace(":", "__", StringComparison.Ordinal);
    }
}
