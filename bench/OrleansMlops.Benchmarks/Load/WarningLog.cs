using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// The silo's only log sink during a measurement: counts warnings and errors, and per logging category how many and
/// the first message, so the table can say whether and where the runtime or the engine complained (a grain turn that
/// blocked a thread, a starved thread pool, a failed audit append) without a console log slowing it down.
/// </summary>
internal sealed class WarningLog : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, Category> _categories = new(StringComparer.Ordinal);
    private int _warnings;
    private int _errors;

    public int Warnings => _warnings;

    public int Errors => _errors;

    /// <summary>Each category that logged, with its count and first message, most frequent first.</summary>
    public IEnumerable<(string Category, int Count, string First)> ByCategory =>
        _categories.OrderByDescending(c => c.Value.Count).Select(c => (c.Key, c.Value.Count, c.Value.First));

    public ILogger CreateLogger(string categoryName) => new Sink(this, categoryName);

    public void Dispose()
    {
    }

    private void Record(LogLevel level, string category, string message, Exception? exception)
    {
        Interlocked.Increment(ref level >= LogLevel.Error ? ref _errors : ref _warnings);
        var first = $"{level}: {message}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}";
        _categories.GetOrAdd(category, _ => new Category(first)).Increment();
    }

    private sealed class Category(string first)
    {
        private int _count;

        public string First { get; } = first;

        public int Count => _count;

        public void Increment() => Interlocked.Increment(ref _count);
    }

    private sealed class Sink(WarningLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Record(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
