namespace OrleansMlops.Storage.Tests.Orleans;

[Alias("storage-tests.reminder")]
public interface IReminderGrain : IGrainWithStringKey
{
    Task Register(string reminderName);

    Task<bool> Has(string reminderName);

    Task<int> Count();

    Task Unregister(string reminderName);
}
