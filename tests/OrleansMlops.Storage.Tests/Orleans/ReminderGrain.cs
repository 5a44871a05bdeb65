namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>Registers reminders far enough out that none fires during a test; only the table is exercised.</summary>
public sealed class ReminderGrain : Grain, IReminderGrain, IRemindable
{
    private static readonly TimeSpan DueTime = TimeSpan.FromHours(1);
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    public Task Register(string reminderName) => this.RegisterOrUpdateReminder(reminderName, DueTime, Period);

    public async Task<bool> Has(string reminderName) => await this.GetReminder(reminderName) is not null;

    public async Task<int> Count() => (await this.GetReminders()).Count;

    public async Task Unregister(string reminderName)
    {
        var reminder = await this.GetReminder(reminderName)
            ?? throw new InvalidOperationException($"Reminder '{reminderName}' is not registered.");
        await this.UnregisterReminder(reminder);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
