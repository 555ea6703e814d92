using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Collections.Server.Tests.Support;

/// <summary>Keeps every log entry the app writes (all categories, framework included): its level, category, the formatted
/// message, each structured value and the exception with its inner ones.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Text)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            var text = string.Join("\n", [formatter(state, exception), .. values.Select(value => $"{value.Key}={value.Value}"), exception?.ToString() ?? string.Empty]);
            provider.Entries.Enqueue((logLevel, category, text));
        }
    }
}
