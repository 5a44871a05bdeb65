using System.Globalization;
using OrleansMlops.Host.Api;

namespace OrleansMlops.Host.Tests;

public sealed class RunIdsTests
{
    [Fact]
    public void Server_chosen_run_ids_are_valid_and_sort_by_start_time()
    {
        var start = DateTimeOffset.Parse("2026-03-01T09:00:00Z", CultureInfo.InvariantCulture);

        var ids = Enumerable.Range(0, 50).Select(i => RunIds.New(start.AddMilliseconds(i))).ToList();

        Assert.All(ids, id => Assert.True(RunIds.IsValid(id), id));
        Assert.All(ids, id => Assert.Matches("^run-[0-9a-f]{32}$", id));
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }
}
