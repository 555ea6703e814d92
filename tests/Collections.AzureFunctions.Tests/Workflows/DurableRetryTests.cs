using Collections.AzureFunctions.Workflows;
using Collections.Workflow;

namespace Collections.AzureFunctions.Tests.Workflows;

public sealed class DurableRetryTests
{
    [Fact]
    public void From_FullPolicy_CopiesEveryValue()
    {
        var retry = DurableRetry.From(new RetryPolicy(
            MaxAttempts: 6, FirstInterval: TimeSpan.FromSeconds(5), BackoffCoefficient: 2, MaxInterval: TimeSpan.FromMinutes(10), Timeout: TimeSpan.FromHours(2)));

        Assert.Equal(new DurableRetry(6, TimeSpan.FromSeconds(5), 2, TimeSpan.FromMinutes(10), TimeSpan.FromHours(2)), retry);
    }

    [Fact]
    public void From_NoMaxIntervalOrTimeout_UsesDurableDefaults()
    {
        var retry = DurableRetry.From(new RetryPolicy(3, TimeSpan.FromSeconds(1)));

        Assert.Equal(TimeSpan.FromHours(1), retry.MaxRetryInterval);
        Assert.Equal(Timeout.InfiniteTimeSpan, retry.RetryTimeout);
        Assert.Equal(1.0, retry.BackoffCoefficient);
    }

    [Theory]
    [InlineData(0, 1, 1.0, null, null, "MaxAttempts")]
    [InlineData(3, 0, 1.0, null, null, "FirstInterval")]
    [InlineData(3, 1, 0.5, null, null, "BackoffCoefficient")]
    [InlineData(3, 1, double.NaN, null, null, "BackoffCoefficient")]
    [InlineData(3, 10, 1.0, 5, null, "MaxInterval")]
    [InlineData(3, 10, 1.0, null, 5, "Timeout")]
    public void From_ValueDurableTaskRejects_ThrowsNamingTheField(int attempts, int firstSeconds, double backoff, int? maxSeconds, int? timeoutSeconds, string field)
    {
        var policy = new RetryPolicy(
            attempts,
            TimeSpan.FromSeconds(firstSeconds),
            backoff,
            maxSeconds is { } max ? TimeSpan.FromSeconds(max) : null,
            timeoutSeconds is { } timeout ? TimeSpan.FromSeconds(timeout) : null);

        var error = Assert.Throws<ArgumentException>(() => DurableRetry.From(policy));

        Assert.Contains($"RetryPolicy.{field} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_DefaultMaxIntervalShorterThanFirstInterval_Throws()
    {
        // Durable Task's one-hour default would be shorter than a two-hour first interval.
        var error = Assert.Throws<ArgumentException>(() => DurableRetry.From(new RetryPolicy(2, TimeSpan.FromHours(2))));

        Assert.Contains("RetryPolicy.MaxInterval", error.Message, StringComparison.Ordinal);
    }
}
