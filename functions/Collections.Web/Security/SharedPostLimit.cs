using System.Globalization;
using Collections.Storage;

namespace Collections.Web.Security;

/// <summary>
/// The limit on form posts to one link (<see cref="RequestLimitOptions.PostsPerWindow"/> per
/// <see cref="RequestLimitOptions.Window"/>), counted in the store so every instance of a scaled-out app shares it.
/// One row per link, overwritten when its window ends; a count is a read and a conditional write of that row.
/// </summary>
internal sealed class SharedPostLimit(ICollectionsStore store, TimeProvider time, RequestLimitOptions limits)
{
    // Conflicts mean other instances are counting posts to the same link at the same moment; each retry reads them.
    private const int MaxAttempts = 20;

    /// <summary>Counts one post to <paramref name="link"/>: null when it may go on, else how long until the window ends.</summary>
    public async Task<TimeSpan?> TryCountAsync(string link, CancellationToken cancellationToken)
    {
        var name = "post-limit:" + link;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var stored = await store.GetSharedValueAsync(name, cancellationToken);
            var (windowStart, count) = Parse(stored?.Value);
            if (now >= windowStart + limits.Window)
            {
                (windowStart, count) = (now, 0);
            }

            if (count >= limits.PostsPerWindow)
            {
                return windowStart + limits.Window - now;
            }

            if (await store.TrySetSharedValueAsync(name, Format(windowStart, count + 1), stored?.Version, cancellationToken))
            {
                return null;
            }
        }

        // Busier than the limit itself: refuse for now rather than let the post through uncounted.
        return limits.Window;
    }

    private static (DateTimeOffset WindowStart, int Count) Parse(string? value)
    {
        if (value?.Split(' ') is [var start, var count])
        {
            return (new DateTimeOffset(long.Parse(start, CultureInfo.InvariantCulture), TimeSpan.Zero), int.Parse(count, CultureInfo.InvariantCulture));
        }

        return (DateTimeOffset.MinValue, 0);
    }

    private static string Format(DateTimeOffset windowStart, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{windowStart.UtcTicks} {count}");
}
