namespace Collections.Privacy;

/// <summary>The contact-log entries that record a redaction. They double as the marker that it was done,
/// so a sweep that is run again, or resumed after a crash, does each invoice once.</summary>
public static class PrivacyContactKinds
{
    public const string NotesPurged = "notes-purged";
    public const string PersonalDataPurged = "personal-data-purged";

    public static string IdFor(RedactionLevel level) =>
        level == RedactionLevel.Notes ? "privacy:notes" : "privacy:personal-data";

    public static string KindFor(RedactionLevel level) =>
        level == RedactionLevel.Notes ? NotesPurged : PersonalDataPurged;

    public static bool IsPrivacyEntry(string kind) => kind is NotesPurged or PersonalDataPurged;
}
