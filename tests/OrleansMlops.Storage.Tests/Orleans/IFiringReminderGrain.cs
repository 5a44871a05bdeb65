namespace OrleansMlops.Storage.Tests.Orleans;

[Alias("storage-tests.firing-reminder")]
public interface IFiringReminderGrain : IGrainWithStringKey
{
    Task Start(string reminderName);

    Task<int> Ticks();
}
