using System.Collections.Concurrent;

namespace OrleansMlops.Host.Identity;

/// <summary>Refused sign-ins per key (an address, a credential's hash, a claimed subject) in fixed one-minute windows.</summary>
internal sealed class FailureWindows
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    // Bounded memory under a spray of keys: expired windows are dropped once the table grows past this.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Failures of <paramref name="key"/> in the window current at <paramref name="now"/> (0 if none).</summary>
    public Window At(string key, DateTimeOffset now) =>
        _windows.TryGetValue(key, out var window) && window.IsCurrent(now) ? window : new Window(now, 0);

    /// <summary>Counts one more failure of <paramref name="key"/> and returns its window.</summary>
    public Window Add(string key, DateTimeOffset now)
    {
        var updated = _windows.AddOrUpdate(
            key,
            _ => new Window(now, 1),
            (_, current) => current.IsCurrent(now) ? current with { Count = current.Count + 1 } : new Window(now, 1));
        if (_windows.Count > PruneAbove)
        {
            foreach (var (stale, window) in _windows)
            {
                if (!window.IsCurrent(now))
                {
                    _windows.TryRemove(stale, out _);
                }
            }
        }

        return updated;
    }

    internal sealed record Window(DateTimeOffset Start, int Count)
    {
        public bool IsCurrent(DateTimeOffset now) => now - Start < Length;

        public int SecondsLeft(DateTimeOffset now) => Math.Max(1, (int)Math.Ceiling((Start + Length - now).TotalSeconds));
    }
}
