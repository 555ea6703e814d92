namespace Collections.Messages;

/// <summary>A postal address as printed in a message.</summary>
public sealed record PostalAddress(string Street, string PostalCode, string City, string? Country = null);
