using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Evaluation;

namespace OrleansMlops.Governance.Hosting;

/// <summary>Loads the rule sets when the host starts (so refusals are reported at once) and watches the folder if configured.</summary>
internal sealed class GovernanceCatalogService(
    RuleSetCatalog catalog,
    IOptions<GovernanceOptions> options,
    TimeProvider timeProvider,
    ILogger<RuleSetDirectoryWatcher> logger) : IHostedService, IAsyncDisposable
{
    private RuleSetDirectoryWatcher? _watcher;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Watch first: a change made while the first load runs then triggers a reload instead of being missed.
        if (options.Value.WatchForChanges)
        {
            _watcher = new RuleSetDirectoryWatcher(catalog, timeProvider, logger, RuleSetDirectoryWatcher.DefaultDebounce);
            GovernanceLog.WatchStarted(logger, catalog.Directory);
        }

        await catalog.GetSnapshotAsync(cancellationToken);
        GateInputJson.WarmUp();
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        var watcher = Interlocked.Exchange(ref _watcher, null);
        if (watcher is not null)
        {
            await watcher.DisposeAsync();
        }
    }
}
