namespace Collections.Storage;

/// <summary>
/// One invoice's personal-data redaction as the store applies it (<see cref="ICollectionsStore.RedactAsync"/>):
/// records rewritten in place, records removed. Computed by <c>Collections.Privacy</c>; applying it again changes nothing.
/// </summary>
/// <param name="Invoice">The invoice as it stays, with the Version that was read (a concurrent change is a <see cref="StoreConflictException"/>).</param>
/// <param name="Audit">The contact-log entry that records the redaction, holding no personal data. Appended last: it marks
/// the redaction as done, so an interrupted one is computed and applied again.</param>
public sealed record StoreRedaction(
    InvoiceRecord Invoice,
    IReadOnlyList<ContactLogEntry> ReplacedContacts,
    IReadOnlyList<ContactLogEntry> RemovedContacts,
    IReadOnlyList<CallTaskRecord> ReplacedCallTasks,
    IReadOnlyList<string> RemovedOutboxMessageIds,
    ContactLogEntry Audit);
