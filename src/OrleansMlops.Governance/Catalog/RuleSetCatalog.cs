using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance.Catalog;

/// <summary>
/// The rule sets in force, loaded from one folder of <c>*.json</c> files. A reload checks every changed file and
/// swaps in a new immutable snapshot; a refused file never replaces the version in force, and a refused file with no
/// version in force blocks the transitions it declares. Reloads are serialized; readers never wait.
/// </summary>
public sealed class RuleSetCatalog : IDisposable
{
    private readonly RuleSetLoader _loader;
    private readonly ILogger<RuleSetCatalog> _logger;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly RuleSetVersions _versions = new();
    private volatile RuleSetCatalogSnapshot? _snapshot;

    public RuleSetCatalog(string directory, RuleSetLoader loader, ILogger<RuleSetCatalog> logger)
    {
        Directory = Path.GetFullPath(directory);
        _loader = loader;
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

    /// <summary>Rescans the folder and reports what happened to each file.</summary>
    public async Task<IReadOnlyList<RuleSetLoadOutcome>> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            return await ReloadLockedAsync(cancellationToken);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    public void Dispose() => _reloadLock.Dispose();

    private async Task<IReadOnlyList<RuleSetLoadOutcome>> ReloadLockedAsync(CancellationToken cancellationToken)
    {
        var previous = _snapshot ?? RuleSetCatalogSnapshot.Empty;
        var files = ListFiles();
        if (files is null)
        {
            // An unreadable folder is not "no rules": keep what is in force and block everything else.
            var error = new GovernanceException(GovernancePhase.Load, $"the policies folder '{Directory}' does not exist or cannot be read.", Directory);
            GovernanceLog.FolderUnreadable(_logger, Directory, error);
            _snapshot = previous with { Refused = [new RefusedRuleSetFile(Directory, null, null, error)] };
            return [new RuleSetLoadOutcome(Directory, RuleSetLoadStatus.Refused, null, error)];
        }

        var (candidates, refusals) = await LoadChangedAsync(files, previous, cancellationToken);
        var winners = ResolveDuplicateIds(candidates, previous, refusals);
        var outcomes = new List<RuleSetLoadOutcome>();
        var active = Activate(winners, outcomes);
        var blocking = KeepPreviousOrBlock(refusals, previous, active, outcomes);
        ReportRemoved(files, previous, outcomes);

        _snapshot = new RuleSetCatalogSnapshot(
            [.. active.OrderBy(r => r.Ref.RuleSetId, StringComparer.Ordinal)],
            [.. blocking.OrderBy(r => r.File, StringComparer.Ordinal)]);
        GovernanceLog.CatalogLoaded(_logger, Directory, _snapshot.RuleSets.Length, _snapshot.Refused.Length);
        return [.. outcomes.OrderBy(o => o.File, StringComparer.Ordinal)];
    }

    private string[]? ListFiles()
    {
        try
        {
            var files = System.IO.Directory.GetFiles(Directory, "*.json", SearchOption.TopDirectoryOnly);
            Array.Sort(files, StringComparer.Ordinal);
            return files;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Loads every file whose bytes differ from the version in force; unchanged files keep their compiled version.</summary>
    private async Task<(List<Candidate> Candidates, List<Refusal> Refusals)> LoadChangedAsync(
        string[] files, RuleSetCatalogSnapshot previous, CancellationToken cancellationToken)
    {
        var previousByFile = previous.RuleSets.ToDictionary(r => r.File, StringComparer.Ordinal);
        var candidates = new List<Candidate>();
        var refusals = new List<Refusal>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[]? content = null;
            try
            {
                content = await RuleSetFile.ReadAsync(file, cancellationToken);
                if (previousByFile.TryGetValue(file, out var current) && current.Ref.ContentHash == ContentHash.Of(content))
                {
                    candidates.Add(new Candidate(current.RuleSet, current));
                    continue;
                }

                candidates.Add(new Candidate(await _loader.LoadAsync(file, content, cancellationToken), null));
            }
            catch (GovernanceException ex)
            {
                var (id, appliesTo) = DeclaredScope.Read(content);
                refusals.Add(new Refusal(file, ex, ex.RuleSetId ?? id, appliesTo));
            }
        }

        return (candidates, refusals);
    }

    /// <summary>
    /// One id, one file. The file that already holds an id keeps it; otherwise the first file by name wins, and
    /// the others are refused (their rules would otherwise be silently ignored).
    /// </summary>
    private static List<Candidate> ResolveDuplicateIds(List<Candidate> candidates, RuleSetCatalogSnapshot previous, List<Refusal> refusals)
    {
        var winners = new List<Candidate>();
        foreach (var group in candidates.GroupBy(c => c.RuleSet.Id, StringComparer.Ordinal))
        {
            var holder = previous.Find(group.Key)?.File;
            var winner = group.FirstOrDefault(c => c.RuleSet.File == holder) ?? group.First();
            winners.Add(winner);
            foreach (var loser in group.Where(c => !ReferenceEquals(c, winner)))
            {
                var error = new GovernanceException(GovernancePhase.Load,
                    $"rule set id '{group.Key}' is already defined by '{Path.GetFileName(winner.RuleSet.File)}'; ids must be unique across files.",
                    loser.RuleSet.File, group.Key);
                refusals.Add(new Refusal(loser.RuleSet.File, error, group.Key, loser.RuleSet.AppliesTo));
            }
        }

        return winners;
    }

    private List<ActiveRuleSet> Activate(List<Candidate> winners, List<RuleSetLoadOutcome> outcomes)
    {
        var active = new List<ActiveRuleSet>();
        foreach (var winner in winners)
        {
            if (winner.InForce is { } unchanged)
            {
                active.Add(unchanged);
                outcomes.Add(new RuleSetLoadOutcome(unchanged.File, RuleSetLoadStatus.Unchanged, unchanged.Ref, null));
                continue;
            }

            var activated = new ActiveRuleSet(_versions.Activate(winner.RuleSet.Id, winner.RuleSet.ContentHash), winner.RuleSet);
            active.Add(activated);
            outcomes.Add(new RuleSetLoadOutcome(activated.File, RuleSetLoadStatus.Activated, activated.Ref, null));
            GovernanceLog.RuleSetActivated(_logger, activated.Ref.RuleSetId, activated.Ref.Version, activated.Ref.ContentHash, activated.File);
        }

        return active;
    }

    /// <summary>A refused file keeps its version in force when it had one (and its id is still free); otherwise it blocks.</summary>
    private List<RefusedRuleSetFile> KeepPreviousOrBlock(
        List<Refusal> refusals, RuleSetCatalogSnapshot previous, List<ActiveRuleSet> active, List<RuleSetLoadOutcome> outcomes)
    {
        var blocking = new List<RefusedRuleSetFile>();
        var activeIds = active.Select(r => r.Ref.RuleSetId).ToHashSet(StringComparer.Ordinal);
        foreach (var refusal in refusals)
        {
            var kept = previous.RuleSets.FirstOrDefault(r => r.File == refusal.File);
            if (kept is not null && activeIds.Add(kept.Ref.RuleSetId))
            {
                active.Add(kept);
                outcomes.Add(new RuleSetLoadOutcome(refusal.File, RuleSetLoadStatus.Refused, kept.Ref, refusal.Error));
                GovernanceLog.RefusedKeepingPrevious(_logger, refusal.File, refusal.Error.Phase, kept.Ref.RuleSetId, kept.Ref.Version, refusal.Error);
                continue;
            }

            var scope = refusal.AppliesTo is { } declared ? string.Join(", ", declared) : "every transition";
            blocking.Add(new RefusedRuleSetFile(refusal.File, refusal.RuleSetId, refusal.AppliesTo, refusal.Error));
            outcomes.Add(new RuleSetLoadOutcome(refusal.File, RuleSetLoadStatus.Refused, null, refusal.Error));
            GovernanceLog.RefusedBlocking(_logger, refusal.File, refusal.Error.Phase, scope, refusal.Error);
        }

        return blocking;
    }

    private void ReportRemoved(string[] files, RuleSetCatalogSnapshot previous, List<RuleSetLoadOutcome> outcomes)
    {
        var present = files.ToHashSet(StringComparer.Ordinal);
        foreach (var removed in previous.RuleSets.Where(r => !present.Contains(r.File)))
        {
            outcomes.Add(new RuleSetLoadOutcome(removed.File, RuleSetLoadStatus.Removed, null, null));
            GovernanceLog.RuleSetRemoved(_logger, removed.Ref.RuleSetId, removed.Ref.Version, removed.File);
        }
    }

    /// <summary>A file that passed every check; <see cref="InForce"/> is set when its bytes are those already active.</summary>
    private sealed record Candidate(LoadedRuleSet RuleSet, ActiveRuleSet? InForce);

    private sealed record Refusal(string File, GovernanceException Error, string? RuleSetId, ImmutableArray<string>? AppliesTo);
}
