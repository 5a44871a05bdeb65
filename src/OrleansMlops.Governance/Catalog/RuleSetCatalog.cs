using Microsoft.Extensions.Logging;
using OrleansMlops.Governance.Fixtures;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Governance.Versions;

namespace OrleansMlops.Governance.Catalog;

/// <summary>
/// The rule sets in force, loaded from one folder of <c>*.json</c> files (fixtures and schemas excepted) or activated
/// through the API. A reload checks every changed file and swaps in a new immutable snapshot; a refused file never
/// replaces the version in force, and a refused file with no version in force blocks the transitions it declares.
/// Versions are numbered through an <see cref="IRuleSetVersionStore"/>, so numbers survive restarts. Reloads and
/// activations are serialized; readers never wait.
/// </summary>
public sealed partial class RuleSetCatalog : IDisposable
{
    private readonly RuleSetLoader _loader;
    private readonly RuleSetVersionLedger _ledger;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RuleSetCatalog> _logger;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private volatile RuleSetCatalogSnapshot? _snapshot;

    public RuleSetCatalog(
        string directory, RuleSetLoader loader, IRuleSetVersionStore versionStore, TimeProvider timeProvider, ILogger<RuleSetCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(versionStore);
        Directory = Path.GetFullPath(directory);
        _loader = loader;
        _ledger = new RuleSetVersionLedger(versionStore);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public string Directory { get; }

    /// <summary>The rule sets in force; the first call loads the folder, so no decision is ever made on an empty catalog by mistake.</summary>
    public async ValueTask<RuleSetCatalogSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        if (_snapshot is { } loaded)
        {
            return loaded;
        }

        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is null)
            {
                await ReloadLockedAsync(cancellationToken);
            }

            return _snapshot!;
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    /// <summary>
    /// Raised after a rescan put a new version from the folder in force: the operator's path around proposals, which
    /// the host chains into the rule set audit trail.
    /// </summary>
    public event EventHandler? FolderVersionsActivated;

    /// <summary>Rescans the folder and reports what happened to each file.</summary>
    public async Task<IReadOnlyList<RuleSetLoadOutcome>> ReloadAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<RuleSetLoadOutcome> outcomes;
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            outcomes = await ReloadLockedAsync(cancellationToken);
        }
        finally
        {
            _reloadLock.Release();
        }

        if (outcomes.Any(o => o.Status == RuleSetLoadStatus.Activated))
        {
            FolderVersionsActivated?.Invoke(this, EventArgs.Empty);
        }

        return outcomes;
    }

    /// <summary>The rule sets in force, ordered by id, as of the last load (empty before the first; the host loads at start).</summary>
    public IReadOnlyList<ActiveRuleSetInfo> GetActive() => [.. (_snapshot ?? RuleSetCatalogSnapshot.Empty).RuleSets.Select(r => r.Describe())];

    /// <summary>The files whose current content is refused, as of the last load, ordered by file name.</summary>
    public IReadOnlyList<RuleSetRefusal> GetRefusals() => (_snapshot ?? RuleSetCatalogSnapshot.Empty).Refusals;

    /// <summary>Every stored version of <paramref name="ruleSetId"/>, oldest first (empty for an unknown id).</summary>
    public async Task<IReadOnlyList<RuleSetVersionRecord>> GetVersionsAsync(string ruleSetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleSetId);
        var all = await _ledger.AllAsync(cancellationToken);
        return [.. all.Where(r => r.RuleSetId == ruleSetId).OrderBy(r => r.Version)];
    }

    /// <summary>Every stored version of every rule set, in no particular order.</summary>
    public Task<IReadOnlyList<RuleSetVersionRecord>> GetAllVersionsAsync(CancellationToken cancellationToken = default) =>
        _ledger.AllAsync(cancellationToken);

    /// <summary>
    /// Runs the fixtures beside the version in force of <paramref name="ruleSetId"/> (<c>&lt;id&gt;.fixtures.json</c>)
    /// against that version. An unknown id throws <see cref="KeyNotFoundException"/>; a missing or unreadable fixtures
    /// file gives a failed report saying so.
    /// </summary>
    public async Task<FixtureReport> RunFixturesAsync(string ruleSetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleSetId);
        var active = (await GetSnapshotAsync(cancellationToken)).Find(ruleSetId)
            ?? throw new KeyNotFoundException($"No rule set '{ruleSetId}' is in force.");
        return await RuleSetFixtureRunner.RunFileAsync(active, RuleSetFiles.FixturesFor(active.File), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="fixtures"/> sent by a caller (named <paramref name="source"/> in the report) instead of the
    /// file beside the rule set, against the version in force of <paramref name="ruleSetId"/>; nothing is stored. An
    /// unknown id throws <see cref="KeyNotFoundException"/>.
    /// </summary>
    public async Task<FixtureReport> RunFixturesAsync(
        string ruleSetId, RuleSetFixtureFile fixtures, string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleSetId);
        var active = (await GetSnapshotAsync(cancellationToken)).Find(ruleSetId)
            ?? throw new KeyNotFoundException($"No rule set '{ruleSetId}' is in force.");
        return await RuleSetFixtureRunner.RunAsync(active, fixtures, source, cancellationToken);
    }

    public void Dispose() => _reloadLock.Dispose();
}
