namespace Collections.Infrastructure.Channels.EventGrid;

/// <summary>The parts of an Event Grid webhook request the handler needs, independent of the host.</summary>
/// <param name="Header">Looks a request header up by name (case-insensitively, as HTTP does); null when absent.</param>
/// <param name="Code">The <c>code</c> query parameter, if any.</param>
public sealed record AcsEventGridRequest(string Method, Func<string, string?> Header, string? Code, ReadOnlyMemory<byte> Body);
