using System.Net;
using Collections.Web.Staff;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Server.Tests.Staff;

/// <summary>What the HTTP tests cannot reach from 127.0.0.1: other addresses, parallel guesses, the log.</summary>
public sealed class SignInThrottleUnitTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger logger = new();

    [Fact]
    public void Begin_ParallelGuesses_OnlyTheLimitGetsThrough()
    {
        var throttle = Throttle(accountFailures: 5, clientFailures: 100);

        var attempts = new SignInThrottle.Attempt[50];
        Parallel.For(0, attempts.Length, index => attempts[index] = throttle.Begin("sanne", IPAddress.Parse($"192.0.2.{index + 1}")));

        Assert.Equal(5, attempts.Count(attempt => attempt.BlockedUntil is null));
    }

    [Fact]
    public void Begin_IPv6AddressesInOneSlash64_CountAsOneClient()
    {
        var throttle = Throttle(accountFailures: 100, clientFailures: 2);
        throttle.Begin("a", IPAddress.Parse("2001:db8:1:2::1"));
        throttle.Begin("b", IPAddress.Parse("2001:db8:1:2:ffff::9"));

        Assert.NotNull(throttle.Begin("c", IPAddress.Parse("2001:db8:1:2:abcd::5")).BlockedUntil);
        Assert.Null(throttle.Begin("c", IPAddress.Parse("2001:db8:1:3::1")).BlockedUntil);
    }

    [Fact]
    public void Begin_IPv4MappedIntoIPv6_CountsAsTheIPv4Address()
    {
        var throttle = Throttle(accountFailures: 100, clientFailures: 1);
        throttle.Begin("a", IPAddress.Parse("198.51.100.7"));

        Assert.NotNull(throttle.Begin("b", IPAddress.Parse("::ffff:198.51.100.7")).BlockedUntil);
    }

    [Fact]
    public void Begin_Refused_LoggedAsWarningWithNameAndAddress()
    {
        var throttle = Throttle(accountFailures: 1, clientFailures: 100);
        throttle.Begin("sanne", IPAddress.Loopback);

        throttle.Begin("Sanne", IPAddress.Loopback);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("Sign-in refused for SANNE from 127.0.0.1: too many failed attempts; allowed again at 2026-03-02T09:15:00.0000000+00:00.", entry.Message);
    }

    [Fact]
    public void Begin_HugeUserNames_KeyedByTheirStart()
    {
        var throttle = Throttle(accountFailures: 1, clientFailures: 100);
        throttle.Begin(new string('x', 200) + "1", IPAddress.Loopback);

        Assert.NotNull(throttle.Begin(new string('x', 200) + "2", IPAddress.Loopback).BlockedUntil);
    }

    private SignInThrottle Throttle(int accountFailures, int clientFailures) => new(
        Options.Create(new StaffOptions { SignInLimit = { AccountFailures = accountFailures, ClientFailures = clientFailures } }), time, logger);

    private sealed class RecordingLogger : ILogger<SignInThrottle>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
