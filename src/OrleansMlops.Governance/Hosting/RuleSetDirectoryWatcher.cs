using Microsoft.Extensions.Logging;
using OrleansMlops.Governance.Catalog;

namespace OrleansMlops.Governance.Hosting;

/// <summary>
/// Reloads the catalog when a <c>*.json</c> file in its folder changes. Editors write a file in several steps
/// (truncate, write, rename), so each event pushes the reload back by the debounce delay and one reload runs once the
/// folder is quiet. The catalog itself keeps the version in force when a new content is refused.
/// </summary>
internal sealed class RuleSetDirectoryWatcher : IAsyncDisposable
{
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(250);

    private readonly RuleSetCatalog _catalog;
    private readonly ILogger _logger;
    private readonly TimeSpan _debounce;
    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _timer;
    private readonly Lock _pendingLock = new();
    private Task _pending = Task.CompletedTask;

    public RuleSetDirectoryWatcher(RuleSetCatalog catalog, TimeProvider timeProvider, ILogger logger, TimeSpan debounce)
    {
        _catalog = catalog;
        _logger = logger;
        _debounce = debounce;
        _timer = timeProvider.CreateTimer(_ => StartReload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(catalog.Directory, "*.json")
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += OnChanged;
        _watcher.Created += OnChanged;
        _watcher.Deleted += OnChanged;
        _watcher.Renamed += OnChanged;
        _watcher.Error += OnError;
        _watcher.EnableRaisingEvents = true;
    }

    public async ValueTask DisposeAsync()
    {
        _watcher.EnableRaisingEvents = false;
        _watcher.Dispose();
        await _timer.DisposeAsync();
        Task pending;
        lock (_pendingLock)
        {
            pending = _pending;
        }

        await pending;
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => _timer.Change(_debounce, Timeout.InfiniteTimeSpan);

    private void OnError(object sender, ErrorEventArgs e)
    {
        // A lost event (buffer overflow) may hide any change: rescan everything.
        GovernanceLog.WatcherError(_logger, _catalog.Directory, e.GetException());
        _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
    }

    private void StartReload()
    {
        lock (_pendingLock)
        {
            // Chained so reloads never overlap and DisposeAsync can wait for the last one.
            _pending = _pending.ContinueWith(_ => ReloadAsync(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            await _catalog.ReloadAsync();
        }
        catch (Exception ex)
        {
            GovernanceLog.ReloadFailed(_logger, _catalog.Directory, ex);
        }
    }
}
