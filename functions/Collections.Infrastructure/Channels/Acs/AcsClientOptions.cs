using Azure.Core;

namespace Collections.Infrastructure.Channels.Acs;

/// <summary>Azure.Core client options for the ACS REST calls: retries (408, 429, 5xx honouring
/// Retry-After), network timeout, diagnostics and transport. Tests shorten <c>Retry.Delay</c>.</summary>
public sealed class AcsClientOptions : ClientOptions
{
}
