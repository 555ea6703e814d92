using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Collections.Web.Staff;

/// <summary>Refuses sign-in attempts for a user name, or from a client address, that failed too often
/// within the window (<see cref="SignInLimitOptions"/>). A refused attempt is not verified at all.</summary>
/// <remarks>Not ASP.NET Core's rate-limiting middleware: that leases a permit per request, partitioned before
/// the endpoint runs, so it counts successful sign-ins alike, cannot give a permit back when the password
/// turns out right, and would have to read the posted form in a synchronous partitioner to key on the
/// user name. What has to be counted here is failures per submitted name and per address, so this is a small
/// in-memory counter. It is per server instance; staff sign-in runs on the one self-hosted server.</remarks>
internal sealed class SignInThrottle
{
    /// <summary>Keys kept per counter: a few MB at most, ample for real staff and far more than one client may add.</summary>
    public const int TrackedKeys = 10_000;

    /// <summary>No account name is this long; capping the key keeps a flood of huge names from filling memory.</summary>
    private const int MaxAccountKeyLength = 128;

    private readonly Lock gate = new();
    private readonly SignInFailureCounter accounts;
    private readonly SignInFailureCounter clients;
    private readonly TimeProvider time;
    private readonly ILogger<SignInThrottle> logger;

    public SignInThrottle(IOptions<StaffOptions> options, TimeProvider time, ILogger<SignInThrottle> logger)
    {
        var limit = options.Value.SignInLimit;
        accounts = new SignInFailureCounter(limit.AccountFailures, limit.Window, TrackedKeys);
        clients = new SignInFailureCounter(limit.ClientFailures, limit.Window, TrackedKeys);
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Starts an attempt. Unless refused, the attempt already counts as a failure, so parallel
    /// guesses cannot all slip past the check while their passwords are being hashed;
    /// <see cref="Succeeded"/> takes it back.</summary>
    public Attempt Begin(string userName, IPAddress? client)
    {
        var account = AccountKey(userName);
        var address = ClientKey(client);
        var now = time.GetUtcNow();
        DateTimeOffset? blockedUntil;
        lock (gate)
        {
            blockedUntil = Later(accounts.BlockedUntil(account, now), clients.BlockedUntil(address, now));
            if (blockedUntil is null)
            {
                accounts.Add(account, now);
                clients.Add(address, now);
            }
        }

        if (blockedUntil is { } until)
        {
            logger.LogWarning("Sign-in refused for {Account} from {Client}: too many failed attempts; allowed again at {Until:O}.", account, address, until);
        }

        return new Attempt(account, address, now, blockedUntil);
    }

    /// <summary>A right password: the name's failures are forgotten, and this attempt no longer counts
    /// against the address (its earlier failures still do).</summary>
    public void Succeeded(Attempt attempt)
    {
        lock (gate)
        {
            accounts.Clear(attempt.Account);
            clients.Remove(attempt.Client, attempt.At);
        }
    }

    /// <summary>The same name as the account lookup sees it (trimmed, case-insensitive).</summary>
    private static string AccountKey(string userName)
    {
        var key = userName.Trim().ToUpperInvariant();
        return key.Length > MaxAccountKeyLength ? key[..MaxAccountKeyLength] : key;
    }

    /// <summary>IPv4 (also when mapped into IPv6), or an IPv6 address's /64 prefix: a host usually picks its
    /// own interface identifier within its /64 (RFC 4291 §2.5.1, temporary addresses per RFC 8981).</summary>
    private static string ClientKey(IPAddress? client)
    {
        if (client is null)
        {
            return "unknown";
        }

        if (client.IsIPv4MappedToIPv6)
        {
            return client.MapToIPv4().ToString();
        }

        if (client.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return client.ToString();
        }

        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static DateTimeOffset? Later(DateTimeOffset? first, DateTimeOffset? second) =>
        first is null ? second : second is null ? first : first > second ? first : second;

    /// <param name="BlockedUntil">Set when the attempt is refused: the moment the name and the address may try again.</param>
    public sealed record Attempt(string Account, string Client, DateTimeOffset At, DateTimeOffset? BlockedUntil);
}
