namespace Collections.Web.DebtorPages;

/// <summary>The debtor's own page, section <c>Collections:DebtorPages</c>.</summary>
public sealed class DebtorPagesOptions
{
    public const string Section = "Collections:DebtorPages";

    /// <summary>Signs debtor links. When empty, one is generated and kept in the data folder.</summary>
    public string? LinkSecret { get; set; }

    /// <summary>How long a link from a message stays valid.</summary>
    public int LinkLifetimeDays { get; set; } = 90;

    /// <summary>The Pay button's target; <c>{invoice}</c> and <c>{amount}</c> are filled in. No button when empty.</summary>
    public string? PaymentUrl { get; set; }

    /// <summary>Who the debtor deals with, shown on the page (R9: our contact details).</summary>
    public string? CreditorName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>Policy limits for a plan the debtor proposes on the page.</summary>
    public int MaxInstalments { get; set; } = 6;

    public int MaxPlanMonths { get; set; } = 6;
}
