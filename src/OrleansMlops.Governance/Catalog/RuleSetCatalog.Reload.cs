using System.Collections.Immutable;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Governance.Versions;

namespace OrleansMlops.Governance.Catalog;

// Reloading the folder: load changed files, resolve duplicate ids, number new versions, keep or block on refusal.
public sealed partial class RuleSetCatalog
{
    /// <summary>Refusals of file contents by path, so an unchanged broken file is not recompiled and keeps its first refusal time.</summary>
    private readonly Dictionary<string, Refusal> _refusedContent = new(StringComparer.Ordinal);

    private async Task<IReadOnlyList<RuleSetLoadOutcome>> ReloadLockedAsync(CancellationToken cancellationToken)
    {
        // Without the stored versions no number can be given; the failure propagates, and a gate asking now fails closed.
        await _ledger.EnsureLoadedAsync(cancellationToken);
        var previous = _snapshot ?? RuleSetCatalogSnapshot.Empty;
        var now = _timeProvider.GetUtcNow();
        var files = ListFiles();
        if (files is null)
        {
            // An unreadable folder is not "no rules": keep what is in force and block everything else.
            var error = new GovernanceException(GovernancePhase.Load, $"the policies folder '{Directory}' does not exist or cannot be read.", Directory);
            GovernanceLog.FolderUnreadable(_logger, Directory, error);
            _snapshot = previous with
            {
                Refused = [new RefusedRuleSetFile(Directory, null, null, error)],
                Refusals = [new RuleSetRefusal(Path.GetFileName(Directory), null, error.Phase, error.Message, now, null, null)],
            };
            return [new RuleSetLoadOutcome(Directory, RuleSetLoadStatus.Refused, null, error)];
        }

        var (candidates, refusals) = await LoadChangedAsync(files, previous, now, cancellationToken);
        var winners = ResolveDuplicateIds(candidates, previous, refusals, now);
        var outcomes = new List<RuleSetLoadOutcome>();
        var active = await ActivateAsync(winners, outcomes, refusals, now, cancellationToken);
        var (blocking, reported) = KeepPreviousOrBlock(refusals, previous, active, outcomes);
        ReportRemoved(files, previous, outcomes);
        foreach (var file in _refusedContent.Keys.Where(f => !refusals.Any(r => r.File == f)).ToList())
        {
            _refusedContent.Remove(file);
        }

        _snapshot = new RuleSetCatalogSnapshot(
            [.. active.OrderBy(r => r.Ref.RuleSetId, StringComparer.Ordinal)],
            [.. blocking.OrderBy(r => r.File, StringComparer.Ordinal)],
            [.. reported.OrderBy(r => r.File, StringComparer.Ordinal)]);
        GovernanceLog.CatalogLoaded(_logger, Directory, _snapshot.RuleSets.Length, _snapshot.Refused.Length);
        return [.. outcomes.OrderBy(o => o.File, StringComparer.Ordinal)];
    }

    private string[]? ListFiles()
    {
        try
        {
            var files = System.IO.Directory.GetFiles(Directory, "*.json", SearchOption.TopDirectoryOnly).Where(RuleSetFiles.IsRuleSet).ToArray();
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
        string[] files, RuleSetCatalogSnapshot previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var previousByFile = previous.RuleSets.ToDictionary(r => r.File, StringComparer.Ordinal);
        var candidates = new List<Candidate>();
        var refusals = new List<Refusal>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[]? content = null;
            string? hash = null;
            try
            {
                content = await RuleSetFile.ReadAsync(file, cancellationToken);
                hash = ContentHash.Of(content);
                if (previousByFile.TryGetValue(file, out var current) && current.Ref.ContentHash == hash)
                {
                    candidates.Add(new Candidate(current.RuleSet, current, content));
                    continue;
                }

                if (_refusedContent.TryGetValue(file, out var known) && known.ContentHash == hash)
                {
                    refusals.Add(known);
                    continue;
                }

                candidates.Add(new Candidate(await _loader.LoadAsync(file, content, cancellationToken), null, content));
            }
            catch (GovernanceException ex)
            {
                var (id, appliesTo) = DeclaredScope.Read(content);
                var refusal = new Refusal(file, ex, ex.RuleSetId ?? id, appliesTo, hash, now);
                refusals.Add(refusal);
                if (hash is not null)
                {
                    _refusedContent[file] = refusal;
                }
            }
        }

        return (candidates, refusals);
    }

    /// <summary>
    /// One id, one file. The file that already holds an id keeps it; otherwise the first file by name wins, and
    /// the others are refused (their rules would otherwise be silently ignored).
    /// </summary>
    private static List<Candidate> ResolveDuplicateIds(List<Candidate> candidates, RuleSetCatalogSnapshot previous, List<Refusal> refusals, DateTimeOffset now)
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
                refusals.Add(new Refusal(loser.RuleSet.File, error, group.Key, loser.RuleSet.AppliesTo, loser.RuleSet.ContentHash, now));
            }
        }

        return winners;
    }

    /// <summary>Numbers each new content; a version that cannot be recorded is not activated (the previous one stays).</summary>
    private async Task<List<ActiveRuleSet>> ActivateAsync(
        List<Candidate> winners, List<RuleSetLoadOutcome> outcomes, List<Refusal> refusals, DateTimeOffset now, CancellationToken cancellationToken)
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

            var ruleSet = winner.RuleSet;
            RuleSetVersionRecord record;
            try
            {
                record = await _ledger.RecordAsync(ruleSet.Id, ruleSet.ContentHash, winner.Content,
                    RuleSetVersionSource.FileActor(Path.GetFileName(ruleSet.File)), RuleSetVersionSource.File, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var error = new GovernanceException(GovernancePhase.Load,
                    $"the new version could not be recorded in the rule set version store, so it was not activated: {ex.Message}",
                    ruleSet.File, ruleSet.Id, innerException: ex);
                refusals.Add(new Refusal(ruleSet.File, error, ruleSet.Id, ruleSet.AppliesTo, ruleSet.ContentHash, now));
                continue;
            }

            var activated = Activated(ruleSet, record);
            active.Add(activated);
            outcomes.Add(new RuleSetLoadOutcome(activated.File, RuleSetLoadStatus.Activated, activated.Ref, null));
            GovernanceLog.RuleSetActivated(_logger, activated.Ref.RuleSetId, activated.Ref.Version, activated.Ref.ContentHash, activated.ActivatedBy);
        }

        return active;
    }

    /// <summary>A refused file keeps its version in force when it had one (and its id is still free); otherwise it blocks.</summary>
    private (List<RefusedRuleSetFile> Blocking, List<RuleSetRefusal> Reported) KeepPreviousOrBlock(
        List<Refusal> refusals, RuleSetCatalogSnapshot previous, List<ActiveRuleSet> active, List<RuleSetLoadOutcome> outcomes)
    {
        var blocking = new List<RefusedRuleSetFile>();
        var reported = new List<RuleSetRefusal>();
        var activeIds = active.Select(r => r.Ref.RuleSetId).ToHashSet(StringComparer.Ordinal);
        foreach (var refusal in refusals)
        {
            var kept = previous.RuleSets.FirstOrDefault(r => r.File == refusal.File);
            if (kept is not null && activeIds.Add(kept.Ref.RuleSetId))
            {
                active.Add(kept);
                outcomes.Add(new RuleSetLoadOutcome(refusal.File, RuleSetLoadStatus.Refused, kept.Ref, refusal.Error));
                reported.Add(refusal.Report(kept.Ref));
                GovernanceLog.RefusedKeepingPrevious(_logger, refusal.File, refusal.Error.Phase, kept.Ref.RuleSetId, kept.Ref.Version, refusal.Error);
                continue;
            }

            var scope = refusal.AppliesTo is { } declared ? string.Join(", ", declared) : "every transition";
            blocking.Add(new RefusedRuleSetFile(refusal.File, refusal.RuleSetId, refusal.AppliesTo, refusal.Error));
            outcomes.Add(new RuleSetLoadOutcome(refusal.File, RuleSetLoadStatus.Refused, null, refusal.Error));
            reported.Add(refusal.Report(null));
            GovernanceLog.RefusedBlocking(_logger, refusal.File, refusal.Error.Phase, scope, refusal.Error);
        }

        return (blocking, reported);
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

    private static ActiveRuleSet Activated(LoadedRuleSet ruleSet, RuleSetVersionRecord record) =>
        new(new(ruleSet.Id, record.Version, ruleSet.ContentHash), ruleSet, record.ActivatedBy, record.ActivatedAt, record.Source);

    /// <summary>A file that passed every check; <see cref="InForce"/> is set when its bytes are those already active.</summary>
    private sealed record Candidate(LoadedRuleSet RuleSet, ActiveRuleSet? InForce, byte[] Content);

    private sealed record Refusal(
        string File, GovernanceException Error, string? RuleSetId, ImmutableArray<string>? AppliesTo, string? ContentHash, DateTimeOffset At)
    {
        public RuleSetRefusal Report(Abstractions.Governance.RuleSetRef? inForce) =>
            new(Path.GetFileName(File), RuleSetId, Error.Phase, Error.Message, At, ContentHash, inForce);
    }
}
