using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Governance.Proposals;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.DryRun;
using OrleansMlops.Governance.Fixtures;
using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance.Proposals;

/// <summary>
/// Checks a candidate rule set for a proposal: loaded exactly as activation would load it, its fixtures file run
/// against the candidate (not the version in force), and the most recent decisions of every transition it or the
/// version it replaces gates replayed with it in place. Nothing is activated or stored.
/// </summary>
public sealed class RuleSetAssessor(RuleSetCatalog catalog, DryRunner dryRunner, IDecisionHistory history)
{
    /// <summary>How many recent decisions of each gated transition the dry run replays.</summary>
    public const int DecisionsPerTransition = 200;

    /// <summary>Throws <see cref="GovernanceException"/> when the candidate is refused.</summary>
    public async Task<AssessedCandidate> AssessAsync(string ruleSetId, byte[] content, CancellationToken cancellationToken)
    {
        var candidate = await catalog.LoadCandidateAsync(content, ruleSetId, cancellationToken);
        var inForce = (await catalog.GetSnapshotAsync(cancellationToken)).Find(candidate.Id);
        if (inForce?.Ref.ContentHash == candidate.ContentHash)
        {
            return new AssessedCandidate(candidate.ContentHash, inForce.Ref, null);
        }

        var fixturesFile = RuleSetFiles.FixturesFor(inForce?.File ?? candidate.File);
        var asCandidate = new ActiveRuleSet(new RuleSetRef(candidate.Id, 0, candidate.ContentHash), candidate, "proposal", DateTimeOffset.UnixEpoch, "proposal");
        var fixtures = await RuleSetFixtureRunner.RunFileAsync(asCandidate, fixturesFile, cancellationToken);
        var dryRun = await dryRunner.RunAsync(candidate, await RecentDecisionsAsync(candidate, inForce, cancellationToken), cancellationToken);

        var assessment = new RuleSetAssessment(
            candidate.Rules.Length,
            candidate.AppliesTo,
            Path.GetFileName(fixturesFile),
            fixtures.PassedCount,
            fixtures.FailedCount,
            [.. fixtures.Cases.Where(c => !c.Passed).Select(c => c.Name)],
            fixtures.Error,
            dryRun.Evaluated,
            dryRun.NewlyBlocked,
            dryRun.NewlyAllowed,
            [.. dryRun.Decisions.Where(d => d.OldOutcome != GateOutcome.Allowed && d.NewOutcome == GateOutcome.Allowed)
                .Take(RuleSetAssessment.MaxListedDecisions).Select(d => d.DecisionId)]);
        return new AssessedCandidate(candidate.ContentHash, inForce?.Ref, assessment);
    }

    private async Task<IReadOnlyList<GateDecision>> RecentDecisionsAsync(LoadedRuleSet candidate, ActiveRuleSet? inForce, CancellationToken cancellationToken)
    {
        var transitions = candidate.AppliesTo.Union(inForce?.RuleSet.AppliesTo ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var decisions = new List<GateDecision>();
        foreach (var transition in transitions)
        {
            decisions.AddRange(await history.RecentAsync(transition, DecisionsPerTransition, cancellationToken));
        }

        return decisions;
    }
}

/// <summary>
/// A candidate that passed every check: its content hash, the version in force it would replace, and the assessment;
/// <see cref="Assessment"/> is null when the candidate is exactly the version in force (<see cref="InForce"/>).
/// </summary>
public sealed record AssessedCandidate(string ContentHash, RuleSetRef? InForce, RuleSetAssessment? Assessment)
{
    public bool Unchanged => Assessment is null;
}
