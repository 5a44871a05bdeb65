using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace OrleansMlops.Storage.Writes;

/// <summary>
/// Group commit: one writer takes every piece of work waiting when the previous transaction finished, runs them in one
/// shared transaction and commits once, so concurrent writers share the fsync that makes them durable. A piece of work
/// that fails fails alone: the batch runs again with each piece in a savepoint, and the failing one is rolled back to
/// it. A commit that fails fails every piece in it, and none of them is stored. No caller is answered before its
/// transaction has committed. The writer keeps its connection, with the statements it has prepared, from one batch to
/// the next, and opens a new one after a failed batch.
/// </summary>
public sealed class GroupCommit : ISqlWriter, IAsyncDisposable
{
    private const string Savepoint = "work";

    private readonly DbDataSource _dataSource;
    private readonly int _maxBatchSize;
    private readonly ILogger<GroupCommit> _logger;
    private readonly GroupCommitTelemetry _telemetry;
    private readonly Channel<PendingWork> _queue;
    private readonly Task _writer;
    private PreparedStatements? _statements;

    // The meter factory is the host's, when it has one (see GroupCommitTelemetry).
    public GroupCommit(DbDataSource dataSource, GroupCommitOptions options, ILogger<GroupCommit> logger, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _dataSource = dataSource;
        _maxBatchSize = options.MaxBatchSize;
        _logger = logger;
        _telemetry = new GroupCommitTelemetry(meterFactory);
        _queue = Channel.CreateBounded<PendingWork>(new BoundedChannelOptions(options.MaxQueuedWrites)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteAsync);
    }

    public async Task ExecuteAsync(SqlWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var pending = new PendingWork(work, cancellationToken);
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(GroupCommit), "The storage is shutting down; the write was not stored.");
        }

        await pending.Completion;
    }

    /// <summary>Commits the work already queued, then stops taking more.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        await DropConnectionAsync();
        _telemetry.Dispose();
    }

    private async Task WriteAsync()
    {
        var batch = new List<PendingWork>(_maxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatchSize && reader.TryRead(out var pending))
            {
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Cancel();
                }
                else
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task CommitAsync(List<PendingWork> batch)
    {
        var started = Stopwatch.GetTimestamp();
        // Writes seldom fail, so the batch first runs without savepoints (each costs two statements per write); a
        // failing write sends the whole batch back, to run again with a savepoint around each write.
        var (outcome, failure) = await TryCommitAsync(batch, isolated: false);
        if (outcome == Outcome.RunAgainIsolated)
        {
            (outcome, failure) = await TryCommitAsync(batch, isolated: true);
        }

        // Measured before the writers are answered, so whoever saw a write acknowledged also finds it counted.
        _telemetry.Committed(batch.Count, Stopwatch.GetElapsedTime(started), outcome == Outcome.Committed);
        foreach (var pending in batch)
        {
            if (failure is null)
            {
                pending.Complete();
            }
            else
            {
                pending.Fail(pending.Error ?? failure);
            }
        }
    }

    /// <summary>Runs and commits the batch; on failure, what failed it. Not isolated, a failing write rolls all back to run again.</summary>
    private async Task<(Outcome Outcome, Exception? Failure)> TryCommitAsync(List<PendingWork> batch, bool isolated)
    {
        try
        {
            var statements = await StatementsAsync();
            await using var transaction = await statements.Connection.BeginTransactionAsync();
            var session = new SqlSession(statements, transaction);
            foreach (var pending in batch)
            {
                if (isolated)
                {
                    await RunInSavepointAsync(pending, session);
                }
                else if (!await TryRunAsync(pending, session))
                {
                    await transaction.RollbackAsync();
                    return (Outcome.RunAgainIsolated, null);
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            GroupCommitLog.CommitFailed(_logger, e, batch.Count);
            // The connection may be what failed (a lost server, a broken file handle): the next batch starts on a new one.
            await DropConnectionAsync();
            return (Outcome.Failed, e);
        }

        GroupCommitLog.Committed(_logger, batch.Count);
        return (Outcome.Committed, null);
    }

    /// <summary>The writer's connection, opened on first use and kept, so its prepared statements and page cache stay warm.</summary>
    private async Task<PreparedStatements> StatementsAsync()
    {
        if (_statements is null)
        {
            var connection = await _dataSource.OpenConnectionAsync();
            _statements = new PreparedStatements(connection);
        }

        return _statements;
    }

    private async Task DropConnectionAsync()
    {
        if (_statements is { } statements)
        {
            _statements = null;
            statements.Dispose();
            await statements.Connection.DisposeAsync();
        }
    }

    private static async Task<bool> TryRunAsync(PendingWork pending, SqlSession session)
    {
        try
        {
            await pending.Work(session, pending.CancellationToken);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static async Task RunInSavepointAsync(PendingWork pending, SqlSession session)
    {
        await session.Transaction.SaveAsync(Savepoint);
        try
        {
            await pending.Work(session, pending.CancellationToken);
        }
        catch (Exception e)
        {
            pending.Error = e;
            await session.Transaction.RollbackAsync(Savepoint);
        }

        await session.Transaction.ReleaseAsync(Savepoint);
    }

    private enum Outcome
    {
        Committed,
        Failed,
        RunAgainIsolated,
    }

    private sealed class PendingWork(SqlWork work, CancellationToken cancellationToken)
    {
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SqlWork Work { get; } = work;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>The work's own failure; it was rolled back to its savepoint.</summary>
        public Exception? Error { get; set; }

        public Task Completion => _completion.Task;

        public void Complete()
        {
            if (Error is null)
            {
                _completion.TrySetResult();
            }
            else
            {
                _completion.TrySetException(Error);
            }
        }

        public void Fail(Exception error) => _completion.TrySetException(error);

        public void Cancel() => _completion.TrySetCanceled(CancellationToken);
    }
}
