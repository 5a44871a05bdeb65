using Microsoft.Extensions.Logging.Abstractions;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage.Tests;

internal static class TestDatabaseWrites
{
    /// <summary>Commits <paramref name="work"/> as the engine does, through a group commit of its own.</summary>
    public static async Task WriteAsync(this ITestDatabase database, SqlWork work)
    {
        await using var writer = new GroupCommit(database.DataSource, new GroupCommitOptions(), NullLogger<GroupCommit>.Instance);
        await writer.ExecuteAsync(work, CancellationToken.None);
    }
}
