using System.Data.Common;

namespace OrleansMlops.Silo.Persistence;

/// <summary>
/// Closes the silo's connection pool when the silo stops, after grain storage, reminders and membership have stopped
/// (stages stop in reverse order, and this one starts first). A restarted silo in the same process, as in tests, would
/// otherwise leave the old pool's connections open until the process exits.
/// </summary>
internal sealed class DataSourceRelease(DbDataSource dataSource) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            nameof(DataSourceRelease),
            ServiceLifecycleStage.RuntimeInitialize - 1,
            _ => Task.CompletedTask,
            _ => dataSource.DisposeAsync().AsTask());
}
