using OrleansMlops.Grains;
using OrleansMlops.Storage.Idempotency;

namespace OrleansMlops.Host.Hosting;

/// <summary>
/// Forgets Idempotency-Keys past their retention (<c>Idempotency:Retention</c>): at start and then every
/// <see cref="Interval"/> of the engine clock. An expired key is ignored by claims anyway; this keeps the table small.
/// </summary>
internal sealed partial class IdempotencyKeyRetention(
    IIdempotencyStore store,
    EngineClock clock,
    ILogger<IdempotencyKeyRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock.Time);
        try
        {
            do
            {
                try
                {
                    var purged = await store.PurgeExpiredAsync(clock.UtcNow, stoppingToken);
                    Purged(logger, purged);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next pass tries again; a failed purge must not stop the host.
                    PurgeFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    [LoggerMessage(EventId = 5311, Level = LogLevel.Debug, Message = "Forgot {Count} expired Idempotency-Keys")]
    private static partial void Purged(ILogger logger, int count);

    [LoggerMessage(EventId = 5312, Level = LogLevel.Error, Message = "The Idempotency-Key retention pass failed")]
    private static partial void PurgeFailed(ILogger logger, Exception exception);
}
