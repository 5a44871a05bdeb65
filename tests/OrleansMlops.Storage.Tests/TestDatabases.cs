using OrleansMlops.Storage.Tests.PostgreSql;

namespace OrleansMlops.Storage.Tests;

/// <summary>Makes throwaway databases of one kind, so one test class body runs against SQLite and PostgreSQL alike.</summary>
internal sealed class TestDatabases(Func<Task<ITestDatabase>> create)
{
    public static TestDatabases Sqlite { get; } = new(() => Task.FromResult<ITestDatabase>(TempDatabase.Create()));

    // A linguistic default collation (in which "a" sorts before "B"), as a production server usually has: the store
    // tests then show that the schema's COLLATE "C" keeps SQLite's byte order.
    public static TestDatabases PostgreSql { get; } = new(async () => await TempPostgreSqlDatabase.CreateAsync(icuLocale: "en-US"));

    /// <summary>An empty database, without any table.</summary>
    public Task<ITestDatabase> CreateAsync() => create();

    public async Task<ITestDatabase> CreateWithSchemaAsync()
    {
        var database = await create();
        try
        {
            await database.EnsureSchemaAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }
}
