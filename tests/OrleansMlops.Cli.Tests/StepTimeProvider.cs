using System.Threading.Channels;

namespace OrleansMlops.Cli.Tests;

/// <summary>
/// A clock whose timers fire only when the test says so: <c>runs watch</c> waits between polls with
/// <c>Task.Delay(interval, time)</c>, and the test waits until that delay is scheduled, changes the run, then fires it.
/// No sleeps, no race with the poll.
/// </summary>
public sealed class StepTimeProvider : TimeProvider
{
    private readonly Channel<StepTimer> _scheduled = Channel.CreateUnbounded<StepTimer>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new StepTimer(callback, state, dueTime);
        _scheduled.Writer.TryWrite(timer);
        return timer;
    }

    /// <summary>The next timer the code under test schedules (the watch's delay before its next poll).</summary>
    public async Task<StepTimer> NextTimer(CancellationToken cancellationToken) => await _scheduled.Reader.ReadAsync(cancellationToken);

    public sealed class StepTimer(TimerCallback callback, object? state, TimeSpan dueTime) : ITimer
    {
        public TimeSpan DueTime { get; } = dueTime;

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
