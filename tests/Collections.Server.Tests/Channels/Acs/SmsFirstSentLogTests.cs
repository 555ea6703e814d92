using Collections.Infrastructure.Channels.Acs;

namespace Collections.Server.Tests.Channels.Acs;

public sealed class SmsFirstSentLogTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(4);
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("collections-first-sent-");

    public void Dispose() => folder.Delete(recursive: true);

    public static TheoryData<string> Kinds => ["memory", "sqlite"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task GetOrRenewAsync_RetryWithinMaxAge_ReturnsTheFirstTime(string kind)
    {
        var log = Create(kind);

        var first = await log.GetOrRenewAsync("k", Start, MaxAge, CancellationToken.None);
        var retry = await log.GetOrRenewAsync("k", Start.AddMinutes(3), MaxAge, CancellationToken.None);
        var other = await log.GetOrRenewAsync("other", Start.AddMinutes(3), MaxAge, CancellationToken.None);

        Assert.Equal(Start, first);
        Assert.Equal(Start, retry);
        Assert.Equal(Start.AddMinutes(3), other);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task GetOrRenewAsync_RetryAfterMaxAge_RenewsAndKeepsTheRenewal(string kind)
    {
        var log = Create(kind);
        await log.GetOrRenewAsync("k", Start, MaxAge, CancellationToken.None);

        var renewed = await log.GetOrRenewAsync("k", Start.AddMinutes(6), MaxAge, CancellationToken.None);
        var retry = await log.GetOrRenewAsync("k", Start.AddMinutes(7), MaxAge, CancellationToken.None);

        Assert.Equal(Start.AddMinutes(6), renewed);
        Assert.Equal(Start.AddMinutes(6), retry);
    }

    [Fact]
    public async Task SqliteLog_NewInstanceOverSameFile_RemembersTheFirstTime()
    {
        await Create("sqlite").GetOrRenewAsync("k", Start, MaxAge, CancellationToken.None);

        var afterRestart = await Create("sqlite").GetOrRenewAsync("k", Start.AddMinutes(2), MaxAge, CancellationToken.None);

        Assert.Equal(Start, afterRestart);
    }

    private ISmsFirstSentLog Create(string kind) => kind == "sqlite"
        ? new SqliteSmsFirstSentLog($"Data Source={Path.Combine(folder.FullName, "log.db")};Pooling=False")
        : new InMemorySmsFirstSentLog();
}
