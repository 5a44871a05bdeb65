using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics.Metrics;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage.Tests.Writes;

/// <summary>Group commit on one database; a subclass per database runs these tests against it.</summary>
public abstract class GroupCommitTests
{
    // Deferred, so a dangling reference is refused at COMMIT, not at the INSERT: the way to make a whole commit fail.
    private const string Tables =
        "CREATE TABLE parents (id INTEGER NOT NULL PRIMARY KEY); "
        + "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED); "
        + "INSERT INTO parents (id) VALUES (1);";

    private static readonly SqlStatement InsertNoteStatement = new("INSERT INTO notes (id, parent) VALUES (@Id, @Parent)", "Id", "Parent");

    private protected GroupCommitTests(TestDatabases databases) => Databases = databases;

    private protected TestDatabases Databases { get; }

    [Fact]
    public async Task Concurrent_writes_share_transactions_and_all_are_stored()
    {
        await using var database = await CreateAsync();
        await using var commit = GroupCommitOn(database);
        var transactions = new ConcurrentDictionary<DbTransaction, int>();

        await Task.WhenAll(Enumerable.Range(1, 300).Select(id => commit.ExecuteAsync(
            async (session, token) =>
            {
                transactions.AddOrUpdate(session.Transaction, 1, (_, n) => n + 1);
                await InsertNote(session, id, parent: 1);
            },
            CancellationToken.None)));

        Assert.Equal(300, await database.ScalarAsync<long>("SELECT count(*) FROM notes"));
        Assert.True(transactions.Count < 300, $"300 concurrent writes used {transactions.Count} transactions.");
    }

    [Fact]
    public async Task A_failing_write_is_rolled_back_alone_and_its_batch_commits()
    {
        await using var database = await CreateAsync();
        await using var commit = GroupCommitOn(database);
        var (gate, holder) = await HoldWriterAsync(commit);

        // Queued behind the holder, so the three share the next transaction.
        var first = commit.ExecuteAsync((session, _) => InsertNote(session, 1, parent: 1), CancellationToken.None);
        var failing = commit.ExecuteAsync(
            async (session, _) =>
            {
                await InsertNote(session, 2, parent: 1);
                throw new InvalidOperationException("refused by the writer");
            },
            CancellationToken.None);
        var third = commit.ExecuteAsync((session, _) => InsertNote(session, 3, parent: 1), CancellationToken.None);
        gate.SetResult();

        await holder;
        await first;
        await third;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("refused by the writer", error.Message);
        Assert.Equal(new long[] { 1, 3 }, await QueryNotes(database));
    }

    [Fact]
    public async Task A_failed_commit_fails_every_write_in_it_and_stores_none()
    {
        await using var database = await CreateAsync();
        await using var commit = GroupCommitOn(database);
        var (gate, holder) = await HoldWriterAsync(commit);

        var innocent = commit.ExecuteAsync((session, _) => InsertNote(session, 1, parent: 1), CancellationToken.None);
        var dangling = commit.ExecuteAsync((session, _) => InsertNote(session, 2, parent: 99), CancellationToken.None);
        gate.SetResult();
        await holder;

        await Assert.ThrowsAnyAsync<DbException>(() => innocent);
        await Assert.ThrowsAnyAsync<DbException>(() => dangling);
        Assert.Empty(await QueryNotes(database));

        // The writer goes on with the next transaction.
        await commit.ExecuteAsync((session, _) => InsertNote(session, 3, parent: 1), CancellationToken.None);
        Assert.Equal(new long[] { 3 }, await QueryNotes(database));
    }

    [Fact]
    public async Task Batches_share_the_writers_connection_until_a_commit_fails_and_then_a_new_one_is_opened()
    {
        await using var database = await CreateAsync();
        await using var commit = GroupCommitOn(database);
        var connections = new List<DbConnection>();
        var commands = new List<DbCommand>();
        SqlWork Recorded(long id, long parent) => async (session, token) =>
        {
            connections.Add(session.Connection);
            await InsertNote(session, id, parent);
        };

        await commit.ExecuteAsync(Recorded(1, parent: 1), CancellationToken.None);
        await commit.ExecuteAsync(Recorded(2, parent: 1), CancellationToken.None);
        await Assert.ThrowsAnyAsync<DbException>(() => commit.ExecuteAsync(Recorded(3, parent: 99), CancellationToken.None));
        await commit.ExecuteAsync(Recorded(4, parent: 1), CancellationToken.None);

        Assert.Same(connections[0], connections[1]);
        Assert.Same(connections[1], connections[2]);
        Assert.NotSame(connections[2], connections[3]);
        Assert.Equal(new long[] { 1, 2, 4 }, await QueryNotes(database));
    }

    [Fact]
    public async Task Each_transaction_reports_how_many_writes_it_carried_and_how_long_the_writer_spent_before_answering_them()
    {
        await using var database = await CreateAsync();
        using var meterFactory = new TestMeterFactory();
        await using var commit = new GroupCommit(database.DataSource, new GroupCommitOptions(), NullLogger<GroupCommit>.Instance, meterFactory);
        var measured = new ConcurrentQueue<(string Instrument, double Value, string? Outcome)>();
        List<Task> writes = [];
        var answeredBeforeCounted = new ConcurrentQueue<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            if (value == writes.Count)
            {
                // Gives writers answered before this measurement the time to finish; once it is fixed, none can be.
                Task.WhenAny(writes).Wait(TimeSpan.FromSeconds(1));
                answeredBeforeCounted.Enqueue(writes.Count(w => w.IsCompleted));
            }

            measured.Enqueue((instrument.Name, value, Outcome(tags)));
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measured.Enqueue((instrument.Name, value, Outcome(tags))));
        listener.Start();
        var (gate, holder) = await HoldWriterAsync(commit);

        // Queued behind the holder, the 37 share one transaction.
        writes.AddRange(Enumerable.Range(10, 37).Select(id => commit.ExecuteAsync((session, _) => InsertNote(session, id, parent: 1), CancellationToken.None)));
        gate.SetResult();
        await holder;
        await Task.WhenAll(writes);

        Assert.Equal(
            [(GroupCommitTelemetry.WritesInstrument, 1.0, "committed"), (GroupCommitTelemetry.WritesInstrument, 37.0, "committed")],
            measured.Where(m => m.Instrument == GroupCommitTelemetry.WritesInstrument));
        Assert.Equal(2, measured.Count(m => m.Instrument == GroupCommitTelemetry.DurationInstrument && m.Value > 0 && m.Outcome == "committed"));
        // Regression: the writers used to be answered first, so a caller could look for its transaction before it was counted.
        Assert.Equal([0], answeredBeforeCounted);

        static string? Outcome(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "mlops.storage.outcome")
                {
                    return tag.Value as string;
                }
            }

            return null;
        }
    }

    [Fact]
    public async Task A_write_cancelled_while_queued_never_runs()
    {
        await using var database = await CreateAsync();
        await using var commit = GroupCommitOn(database);
        var (gate, holder) = await HoldWriterAsync(commit);
        using var cancellation = new CancellationTokenSource();

        var cancelled = commit.ExecuteAsync((session, _) => InsertNote(session, 1, parent: 1), cancellation.Token);
        await cancellation.CancelAsync();
        gate.SetResult();
        await holder;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Empty(await QueryNotes(database));
    }

    [Fact]
    public async Task Disposing_commits_what_is_queued_and_then_refuses_writes()
    {
        await using var database = await CreateAsync();
        var commit = GroupCommitOn(database);
        var (gate, holder) = await HoldWriterAsync(commit);
        var queued = commit.ExecuteAsync((session, _) => InsertNote(session, 1, parent: 1), CancellationToken.None);

        var disposing = commit.DisposeAsync();
        gate.SetResult();
        await disposing;

        await holder;
        await queued;
        Assert.Equal(new long[] { 1 }, await QueryNotes(database));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => commit.ExecuteAsync((session, _) => InsertNote(session, 2, parent: 1), CancellationToken.None));
    }

    private async Task<ITestDatabase> CreateAsync()
    {
        var database = await Databases.CreateAsync();
        await database.ExecuteAsync(Tables);
        return database;
    }

    /// <summary>Occupies the writer with a transaction until the gate opens, so what is queued meanwhile shares the next one.</summary>
    private static async Task<(TaskCompletionSource Gate, Task Holder)> HoldWriterAsync(GroupCommit commit)
    {
        var gate = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var holder = commit.ExecuteAsync(
            (_, _) =>
            {
                started.SetResult();
                return gate.Task;
            },
            CancellationToken.None);
        await started.Task;
        return (gate, holder);
    }

    private static GroupCommit GroupCommitOn(ITestDatabase database) =>
        new(database.DataSource, new GroupCommitOptions(), NullLogger<GroupCommit>.Instance);

    private static Task InsertNote(SqlSession session, long id, long parent) =>
        session.ExecuteAsync(InsertNoteStatement, CancellationToken.None, id, parent);

    private static async Task<IEnumerable<long>> QueryNotes(ITestDatabase database)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.QueryAsync<long>("SELECT id FROM notes ORDER BY id");
    }
}
