using System.Collections.Concurrent;
using Collections.Invoices;
using Collections.Messaging;

namespace Collections.Server.Simulation;

/// <summary>A channel that delivers nothing and remembers what it was given (once per idempotency key).
/// Recipients in <see cref="Refused"/> are refused for good, as a provider refuses a bad address.</summary>
public sealed class RecordingMessageSender(TimeProvider time) : IMessageSender
{
    private readonly ConcurrentDictionary<string, OutgoingMessage> sent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<OutgoingMessage> order = new();

    public ConcurrentDictionary<string, Channel> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<OutgoingMessage> Sent => [.. order];

    /// <summary>A provider outage: every send fails (as a transient error) until this moment.</summary>
    public DateTimeOffset? DownUntil { get; set; }

    /// <summary>Sends tried while down.</summary>
    public int FailedAttempts => failedAttempts;

    private int failedAttempts;

    public Task<SendReceipt> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (time.GetUtcNow() < DownUntil)
        {
            Interlocked.Increment(ref failedAttempts);
            throw new HttpRequestException("The provider is unavailable (simulated outage).");
        }

        if (Refused.TryGetValue(message.To, out var channel) && channel == message.Channel)
        {
            throw new MessageRejectedException($"recipient {message.To} refused");
        }

        if (sent.TryAdd(message.IdempotencyKey, message))
        {
            order.Enqueue(message);
        }

        return Task.FromResult(new SendReceipt("sim-" + message.IdempotencyKey, time.GetUtcNow()));
    }
}
