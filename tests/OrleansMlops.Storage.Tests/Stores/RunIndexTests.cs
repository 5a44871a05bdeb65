using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Stores;

namespace OrleansMlops.Storage.Tests.Stores;

/// <summary>The run index on one database; a subclass per database runs these tests against it.</summary>
public abstract class RunIndexTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private protected RunIndexTests(TestDatabases databases) => Databases = databases;

    private protected TestDatabases Databases { get; }

    private static RunSummary Summary(
        string runId, string workflowId = "train", RunStatus status = RunStatus.Running, int startedMinutes = 0, long version = 1) =>
        new(runId, workflowId, 3, status, "fit", "alice", T0.AddMinutes(startedMinutes), T0.AddMinutes(startedMinutes + 1), version);

    [Fact]
    public async Task Round_trips_a_summary()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var index = new SqlRunIndex(database.DataSource);
        var summary = Summary("r1") with
        {
            StartedAt = new DateTimeOffset(2025, 6, 1, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(7),
        };

        await database.WriteAsync(SqlRunIndex.Upsert(summary));

        var read = await index.GetAsync("r1", CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(summary.StartedAt.UtcTicks, read.StartedAt.UtcTicks);
        Assert.Equal(summary with { StartedAt = read.StartedAt }, read);
        Assert.Null(await index.GetAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task Upsert_ignores_stale_and_repeated_versions()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var index = new SqlRunIndex(database.DataSource);
        var v1 = Summary("r1", status: RunStatus.Running, version: 1);
        var v2 = Summary("r1", status: RunStatus.WaitingForUser, version: 2) with { CurrentNodes = "approve" };
        var v3 = Summary("r1", status: RunStatus.Completed, version: 3) with { CurrentNodes = "" };

        // Delivered out of order and twice.
        await database.WriteAsync(SqlRunIndex.Upsert(v2));
        await database.WriteAsync(SqlRunIndex.Upsert(v1));
        Assert.Equal(v2, await index.GetAsync("r1", CancellationToken.None));
        await database.WriteAsync(SqlRunIndex.Upsert(v3));
        await database.WriteAsync(SqlRunIndex.Upsert(v2));
        await database.WriteAsync(SqlRunIndex.Upsert(v3 with { Status = RunStatus.Failed }));

        Assert.Equal(v3, await index.GetAsync("r1", CancellationToken.None));
    }

    [Fact]
    public async Task Lists_newest_first_with_filters()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var index = new SqlRunIndex(database.DataSource);
        RunSummary[] all =
        [
            Summary("a", "train", RunStatus.Completed, startedMinutes: 0),
            Summary("b", "train", RunStatus.Running, startedMinutes: 10),
            Summary("c", "score", RunStatus.Running, startedMinutes: 20),
            Summary("d", "train", RunStatus.Failed, startedMinutes: 30),
            Summary("e", "train", RunStatus.Running, startedMinutes: 30),
        ];
        foreach (var summary in all)
        {
            await database.WriteAsync(SqlRunIndex.Upsert(summary));
        }

        async Task<string[]> Ids(RunQuery query) =>
            (await index.ListAsync(query, CancellationToken.None)).Select(s => s.RunId).ToArray();

        Assert.Equal(["d", "e", "c", "b", "a"], await Ids(new RunQuery()));
        Assert.Equal(["d", "e", "b", "a"], await Ids(new RunQuery(WorkflowId: "train")));
        Assert.Equal(["e", "c", "b"], await Ids(new RunQuery(Status: RunStatus.Running)));
        Assert.Equal(["e", "b"], await Ids(new RunQuery("train", RunStatus.Running)));
        Assert.Equal(["d", "e"], await Ids(new RunQuery(Limit: 2)));
        Assert.Empty(await Ids(new RunQuery(WorkflowId: "nothing")));
    }

    [Fact]
    public async Task Runs_started_together_are_ordered_by_id_byte_for_byte()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var index = new SqlRunIndex(database.DataSource);
        foreach (var runId in new[] { "a1", "B", "a-2", "a" })
        {
            await database.WriteAsync(SqlRunIndex.Upsert(Summary(runId)));
        }

        var listed = await index.ListAsync(new RunQuery(), CancellationToken.None);

        // Ordinal order, as SQLite compares text; a linguistic collation would give a, a-2, a1, B.
        Assert.Equal(["B", "a", "a-2", "a1"], listed.Select(s => s.RunId));
    }

    [Fact]
    public async Task Limit_is_clamped_to_1_through_1000()
    {
        await using var database = await Databases.CreateWithSchemaAsync();
        var index = new SqlRunIndex(database.DataSource);
        for (var i = 0; i < 1005; i++)
        {
            await database.WriteAsync(SqlRunIndex.Upsert(Summary($"r{i:D4}", startedMinutes: i)));
        }

        Assert.Single(await index.ListAsync(new RunQuery(Limit: 0), CancellationToken.None));
        Assert.Single(await index.ListAsync(new RunQuery(Limit: -5), CancellationToken.None));
        Assert.Equal(1000, (await index.ListAsync(new RunQuery(Limit: 5000), CancellationToken.None)).Count);
    }
}
