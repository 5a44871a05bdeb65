using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Grains.Runs;

/// <summary>
/// In-memory timers of an active run, one per pending BPMN timer, on the engine clock. They only wake the run early;
/// the durable reminder covers a run that is not active when a timer falls due.
/// </summary>
internal sealed class RunTimers : IDisposable
{
    private readonly Dictionary<string, ITimer> _armed = new(StringComparer.Ordinal);

    public void Arm(IReadOnlyCollection<PendingTimer> pending, TimeProvider time, Func<Task> wake)
    {
        foreach (var stale in _armed.Keys.Except(pending.Select(p => p.TimerId)).ToArray())
        {
            _armed.Remove(stale, out var timer);
            timer!.Dispose();
        }

        foreach (var timer in pending.Where(p => !_armed.ContainsKey(p.TimerId)))
        {
            var delay = timer.DueAt - time.GetUtcNow();
            _armed[timer.TimerId] = time.CreateTimer(
                _ => wake(),
                state: null,
                delay < TimeSpan.Zero ? TimeSpan.Zero : delay,
                Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        foreach (var timer in _armed.Values)
        {
            timer.Dispose();
        }

        _armed.Clear();
    }
}
