namespace Collections.Web.DebtorPages;

/// <summary>The debtor's own page, section <c>Collections:DebtorPages</c>.</summary>
public sealed class DebtorPagesOptions
{
    public const string Section = "Collections:DebtorPages";

    /// <summary>Signs debtor links. When empty, the self-hosted server generates one into its data folder; the Functions app refuses to start.</summary>
    public string? LinkSecret { get; set; }

    /// <summary>How long a link from a message stays valid.</summary>
    public int LinkLifetimeDays { get; set; } = 90;

    /// <summary>Policy limits for a plan the debtor proposes on the page.</summary>
    public int MaxInstalments { get; set; } = 6;

    public int MaxPlanMonths { get; set; } = 6;
}
