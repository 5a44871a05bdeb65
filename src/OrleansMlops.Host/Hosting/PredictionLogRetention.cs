using Microsoft.Extensions.Options;
using OrleansMlops.Grains;
using OrleansMlops.Grains.Environments;
using OrleansMlops.Storage.Predictions;

namespace OrleansMlops.Host.Hosting;

/// <summary>
/// Keeps the inference log within each environment's retention period (<c>Environments:&lt;name&gt;:LogRetentionDays</c>,
/// AI Act Art. 19, GDPR storage limitation): at start and then every <see cref="Interval"/> of the engine clock, deletes
/// the predictions of every environment in the log made more than its retention period ago.
/// </summary>
internal sealed partial class PredictionLogRetention(
    IPredictionLog log,
    IOptionsMonitor<EnvironmentOptions> environments,
    EngineClock clock,
    ILogger<PredictionLogRetention> logger) : BackgroundService
{
    /// <summary>Retention is counted in days, so an hourly pass keeps rows at most an hour past their period.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>One pass over every environment in the log; returns how many rows were deleted.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var total = 0;
        foreach (var environment in await log.EnvironmentsAsync(cancellationToken))
        {
            var days = environments.Get(environment).LogRetentionDays;
            if (days <= 0)
            {
                // Deleting evidence is irreversible; a missing or zero setting is more likely a configuration slip than
                // a decision to keep nothing, so the rows stay until a retention period is configured.
                RetentionNotConfigured(logger, environment);
                continue;
            }

            var cutoff = now.AddDays(-days);
            var purged = await log.PurgeOlderThanAsync(environment, cutoff, cancellationToken);
            Purged(logger, purged, environment, days, cutoff);
            total += purged;
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock.Time);
        try
        {
            do
            {
                try
                {
                    await PurgeExpiredAsync(stoppingToken);
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

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information,
        Message = "Purged {Count} predictions of {Environment} made before {Cutoff} (retention {RetentionDays} days)")]
    private static partial void Purged(ILogger logger, int count, string environment, int retentionDays, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning,
        Message = "The inference log holds predictions of {Environment}, which has no LogRetentionDays configured; they are kept")]
    private static partial void RetentionNotConfigured(ILogger logger, string environment);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Error, Message = "The inference log retention pass failed")]
    private static partial void PurgeFailed(ILogger logger, Exception exception);
}
