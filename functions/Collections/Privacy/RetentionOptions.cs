using System.ComponentModel.DataAnnotations;

namespace Collections.Privacy;

/// <summary>
/// How long a closed invoice keeps personal data (section <c>Collections:Retention</c> on both hosts; docs/privacy.md).
/// Counted from the close: the invoice's last logged event (payment, cancellation, hand-over, close by staff).
/// GDPR art. 5(1)(e): kept no longer than needed for the purpose, here answering questions about a closed claim.
/// </summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string Section = "Collections:Retention";

    /// <summary>Call notes, dispute and hardship reasons, staff notes, and the workflow's history. Shorter: the most
    /// sensitive data (hardship hints at art. 9 GDPR special categories) and needed least once the claim is closed.</summary>
    [Range(0, 3650)]
    public int NotesDays { get; set; } = 30;

    /// <summary>Name, email, phone, payment record, message texts and recipients, the outbox.</summary>
    [Range(0, 3650)]
    public int PersonalDataDays { get; set; } = 180;

    /// <summary>When the daily sweep runs, UTC (both hosts).</summary>
    [Range(0, 23)]
    public int SweepHourUtc { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (NotesDays > PersonalDataDays)
        {
            yield return new ValidationResult(
                $"{Section}:NotesDays ({NotesDays}) must not exceed {Section}:PersonalDataDays ({PersonalDataDays}).", [nameof(NotesDays)]);
        }
    }
}
