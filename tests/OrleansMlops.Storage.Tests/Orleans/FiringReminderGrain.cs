namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>Registers a reminder due almost at once and counts its ticks, to show reminders fire, not only get stored.</summary>
public sealed class FiringReminderGrain : Grain, IFiringReminderGrain, IRemindable
{
    private static readonly TimeSpan DueTime = TimeSpan.FromSeconds(1);

    // Orleans refuses periods under its one-minute minimum; only the first tick matters here.
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private int _ticks;

    public Task Start(string reminderName) => this.RegisterOrUpdateReminder(reminderName, DueTime, Period);

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _ticks++;
        return Task.CompletedTask;
    }
}
