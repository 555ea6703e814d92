namespace Collections.Messages;

/// <summary>A message ready for a channel: SMS has only <see cref="Text"/>; email has all three.</summary>
public sealed record RenderedMessage(string? Subject, string Text, string? Html);
