namespace Collections.Messaging;

/// <summary>A WhatsApp template message: the approved template by name and language, its body parameters
/// in order, and the text the debtor reads (the approved body with the parameters filled in).</summary>
public sealed record TemplateMessage(string Name, string Language, IReadOnlyList<string> Values, string Text);
