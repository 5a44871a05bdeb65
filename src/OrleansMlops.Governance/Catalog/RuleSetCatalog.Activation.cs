using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance.Catalog;

// Activation through the API: validate exactly as a file, write the file atomically, record the version.
public sealed partial class RuleSetCatalog
{
    /// <summary>
    /// Loads a candidate exactly as activation would (the file it would be written to, every check) without activating
    /// anything. With <paramref name="expectedId"/> (the id the caller addressed), content declaring another id is
    /// refused, so a rule set cannot be replaced through another's address. Throws <see cref="GovernanceException"/>.
    /// </summary>
    public async Task<LoadedRuleSet> LoadCandidateAsync(byte[] content, string? expectedId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (declaredId, _) = DeclaredScope.Read(content);
        var snapshot = await GetSnapshotAsync(cancellationToken);
        var file = (declaredId is null ? null : snapshot.Find(declaredId)?.File) ?? Path.Combine(Directory, (declaredId ?? "rule-set") + ".json");
        var loaded = await _loader.LoadAsync(file, content, cancellationToken);
        if (expectedId is not null && !string.Equals(loaded.Id, expectedId, StringComparison.Ordinal))
        {
            throw new GovernanceException(GovernancePhase.Load,
                $"the content declares rule set '{loaded.Id}' but was sent to activate '{expectedId}'; the header's id must match.",
                ruleSetId: loaded.Id);
        }

        return loaded;
    }

    /// <summary>
    /// Puts <paramref name="content"/> (a rule set file's exact bytes) in force as the next version of
    /// <paramref name="expectedId"/>. It is checked exactly as a file would be; on refusal this throws
    /// <see cref="GovernanceException"/> and nothing changes. Otherwise the content is written atomically to the rule
    /// set's file in the policies folder (the file already holding its id, else <c>&lt;id&gt;.json</c>), recorded as a
    /// new version with <paramref name="source"/> and <paramref name="activatedBy"/>, and put in force at once; the
    /// folder watcher then finds the file unchanged. Content equal to the version in force changes nothing and returns
    /// that version. People reach this only through an approved proposal (<c>IRuleSetChangeGrain</c>).
    /// </summary>
    public async Task<ActiveRuleSetInfo> ActivateAsync(
        byte[] content, string activatedBy, string expectedId, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(activatedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(expectedId);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        LoadedRuleSet loaded;
        try
        {
            loaded = await LoadCandidateAsync(content, expectedId, cancellationToken);
        }
        catch (GovernanceException ex)
        {
            GovernanceLog.ActivationRefused(_logger, activatedBy, ex.Phase, ex);
            throw;
        }

        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            var snapshot = _snapshot!;
            var current = snapshot.Find(loaded.Id);
            var target = current?.File ?? Path.Combine(Directory, loaded.Id + ".json");
            EnsureTargetFree(snapshot, loaded, target, activatedBy);
            if (current is not null && current.Ref.ContentHash == loaded.ContentHash)
            {
                return current.Describe();
            }

            var activated = await WriteAndRecordAsync(loaded.At(target), content, activatedBy, source, cancellationToken);
            _refusedContent.Remove(target);
            _snapshot = snapshot with
            {
                RuleSets = [.. snapshot.RuleSets.Where(r => r.Ref.RuleSetId != activated.Ref.RuleSetId).Append(activated).OrderBy(r => r.Ref.RuleSetId, StringComparer.Ordinal)],
                Refused = [.. snapshot.Refused.Where(r => r.File != target && r.RuleSetId != activated.Ref.RuleSetId)],
                Refusals = [.. snapshot.Refusals.Where(r => r.File != Path.GetFileName(target))],
            };
            GovernanceLog.RuleSetActivated(_logger, activated.Ref.RuleSetId, activated.Ref.Version, activated.Ref.ContentHash, activated.ActivatedBy);
            return activated.Describe();
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    /// <summary>Refuses to overwrite a file that holds (or, refused, declares) another rule set.</summary>
    private void EnsureTargetFree(RuleSetCatalogSnapshot snapshot, LoadedRuleSet loaded, string target, string activatedBy)
    {
        var other = snapshot.RuleSets.FirstOrDefault(r => r.File == target && r.Ref.RuleSetId != loaded.Id)?.Ref.RuleSetId
            ?? snapshot.Refusals.FirstOrDefault(r => r.File == Path.GetFileName(target) && r.RuleSetId is not null && r.RuleSetId != loaded.Id)?.RuleSetId;
        if (other is null)
        {
            return;
        }

        var error = new GovernanceException(GovernancePhase.Load,
            $"the file '{Path.GetFileName(target)}' holds rule set '{other}'; activating '{loaded.Id}' would overwrite it. Rename one of them.",
            target, loaded.Id);
        GovernanceLog.ActivationRefused(_logger, activatedBy, error.Phase, error);
        throw error;
    }

    /// <summary>
    /// Writes a temporary file first (the likeliest failure), then records the version, then renames the temporary
    /// file over the target (atomic on one volume), so the watcher never sees a half-written rule set.
    /// </summary>
    private async Task<ActiveRuleSet> WriteAndRecordAsync(
        LoadedRuleSet ruleSet, byte[] content, string activatedBy, string source, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Directory, $".{ruleSet.Id}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, content, cancellationToken);
            var record = await _ledger.RecordAsync(ruleSet.Id, ruleSet.ContentHash, content, activatedBy, source,
                _timeProvider.GetUtcNow(), cancellationToken);
            File.Move(temporary, ruleSet.File, overwrite: true);
            return Activated(ruleSet, record);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not GovernanceException)
        {
            throw new GovernanceException(GovernancePhase.Load,
                $"the rule set could not be written to the policies folder or recorded in the version store, so it was not activated: {ex.Message}",
                ruleSet.File, ruleSet.Id, innerException: ex);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
