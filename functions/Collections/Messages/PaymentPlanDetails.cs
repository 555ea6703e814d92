namespace Collections.Messages;

/// <summary>An agreed payment plan; instalments are named by date, never by number.</summary>
public sealed record PaymentPlanDetails(DateOnly AgreedOn, IReadOnlyList<Instalment> Instalments)
{
    /// <summary>The instalments whose date passed without payment.</summary>
    public IReadOnlyList<Instalment> Missed => [.. Instalments.Where(instalment => instalment.Status == InstalmentStatus.Missed)];

    public decimal MissedTotal => Missed.Sum(instalment => instalment.Amount);

    /// <summary>The instalments still to come.</summary>
    public IReadOnlyList<Instalment> Upcoming => [.. Instalments.Where(instalment => instalment.Status == InstalmentStatus.Scheduled)];
}

public sealed record Instalment(DateOnly DueDate, decimal Amount, InstalmentStatus Status = InstalmentStatus.Scheduled);

public enum InstalmentStatus
{
    Scheduled,
    Paid,
    Missed,
}
