using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Collections.Web.Security;

/// <summary>Staff sessions kept on the server: the cookie carries only a random session key, so signing out
/// (which removes the session) ends it for good — a copy of the old cookie opens nothing. Kept in memory: a
/// restart signs everyone out, which for a single-node server is the safe side.</summary>
internal sealed class StaffSessions(TimeProvider time) : ITicketStore
{
    private readonly ConcurrentDictionary<string, AuthenticationTicket> sessions = new(StringComparer.Ordinal);

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        RemoveExpired();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        sessions[key] = ticket;
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        // Only a session that still exists is renewed: a signed-out one must not come back.
        if (sessions.ContainsKey(key))
        {
            sessions[key] = ticket;
        }

        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (sessions.TryGetValue(key, out var ticket) && !Expired(ticket))
        {
            return Task.FromResult<AuthenticationTicket?>(ticket);
        }

        sessions.TryRemove(key, out _);
        return Task.FromResult<AuthenticationTicket?>(null);
    }

    public Task RemoveAsync(string key)
    {
        sessions.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private bool Expired(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc is { } expires && expires <= time.GetUtcNow();

    private void RemoveExpired()
    {
        foreach (var (key, ticket) in sessions)
        {
            if (Expired(ticket))
            {
                sessions.TryRemove(key, out _);
            }
        }
    }
}

internal static class StaffSessionsRegistration
{
    public static IServiceCollection AddStaffSessions(this IServiceCollection services, string cookieScheme)
    {
        services.AddSingleton<StaffSessions>();
        services.AddOptions<CookieAuthenticationOptions>(cookieScheme)
            .Configure<StaffSessions>((options, sessions) => options.SessionStore = sessions);
        return services;
    }
}
