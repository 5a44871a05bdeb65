using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Evaluation;
using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance.DryRun;

/// <summary>
/// Evaluates a candidate rule set against the recorded inputs of past decisions before it is activated: the candidate
/// is loaded exactly as a file would be (a refusal throws <see cref="GovernanceException"/>), put in place of the
/// version in force of its id (or added), and every decision's <c>InputJson</c> is read back and decided again as the
/// gate would, at the time it was decided. Nothing is activated or stored.
/// </summary>
public sealed class DryRunner
{
    private readonly RuleSetCatalog _catalog;
    private readonly GateEvaluationSettings _settings;
    private readonly TimeProvider _timeProvider;

    public DryRunner(RuleSetCatalog catalog, IOptions<GovernanceOptions> options, TimeProvider timeProvider)
    {
        _catalog = catalog;
        _timeProvider = timeProvider;
        _settings = GateEvaluationSettings.From(options.Value, timeProvider);
    }

    public async Task<DryRunReport> RunAsync(string candidateJson, IReadOnlyList<GateDecision> pastDecisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidateJson);
        var candidate = await _catalog.LoadCandidateAsync(Encoding.UTF8.GetBytes(candidateJson), expectedId: null, cancellationToken);
        return await RunAsync(candidate, pastDecisions, cancellationToken);
    }

    /// <summary>Replays <paramref name="pastDecisions"/> with a candidate already loaded (by <see cref="RuleSetCatalog.LoadCandidateAsync"/>).</summary>
    public async Task<DryRunReport> RunAsync(LoadedRuleSet candidate, IReadOnlyList<GateDecision> pastDecisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(pastDecisions);
        var snapshot = await _catalog.GetSnapshotAsync(cancellationToken);
        var replaces = snapshot.Find(candidate.Id)?.Ref;
        var candidateRef = new RuleSetRef(candidate.Id, 0, candidate.ContentHash);
        var trial = snapshot.With(new ActiveRuleSet(candidateRef, candidate, "dry-run", _timeProvider.GetUtcNow(), "dry-run"));

        var entries = ImmutableArray.CreateBuilder<DryRunEntry>(pastDecisions.Count);
        foreach (var decision in pastDecisions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            entries.Add(await ReplayAsync(trial, decision, cancellationToken));
        }

        return new DryRunReport(candidateRef, replaces, entries.MoveToImmutable());
    }

    private async Task<DryRunEntry> ReplayAsync(RuleSetCatalogSnapshot trial, GateDecision decision, CancellationToken cancellationToken)
    {
        GateInput input;
        try
        {
            input = GateInputJson.Deserialize(decision.InputJson);
        }
        catch (JsonException ex)
        {
            // An input that cannot be read back cannot be re-decided: report it, never count it as allowed.
            return Entry(decision, GateOutcome.Error, [], $"the recorded input cannot be read back: {ex.Message}");
        }

        var evaluation = GateEvaluation.InputProblem(decision.RunId, input) is { } problem
            ? new GateEvaluationResult([], [], [problem])
            : await GateEvaluation.EvaluateAsync(trial, input, _settings, cancellationToken);
        return Entry(decision, evaluation.Outcome, Compare(decision.Results, evaluation.Results),
            evaluation.Errors.IsEmpty ? null : string.Join(" | ", evaluation.Errors));
    }

    private static DryRunEntry Entry(GateDecision decision, GateOutcome outcome, ImmutableArray<RuleChange> changes, string? error) =>
        new(decision.DecisionId, decision.RunId, decision.Transition, decision.EvaluatedAt, decision.Outcome, outcome,
            outcome != decision.Outcome, changes, error);

    /// <summary>Rules (by rule set and name) whose pass/fail differs, including rules that ran on one side only.</summary>
    private static ImmutableArray<RuleChange> Compare(ImmutableArray<RuleResult> before, ImmutableArray<RuleResult> after)
    {
        var old = before.IsDefault ? [] : before.ToDictionary(r => (r.RuleSetId, r.RuleName));
        var now = after.ToDictionary(r => (r.RuleSetId, r.RuleName));
        var changes = ImmutableArray.CreateBuilder<RuleChange>();
        foreach (var key in old.Keys.Union(now.Keys).OrderBy(k => k.RuleSetId, StringComparer.Ordinal).ThenBy(k => k.RuleName, StringComparer.Ordinal))
        {
            var was = old.GetValueOrDefault(key);
            var isNow = now.GetValueOrDefault(key);
            if (was?.Passed != isNow?.Passed)
            {
                changes.Add(new RuleChange(key.RuleSetId, key.RuleName, was?.Passed, isNow?.Passed, isNow?.Message));
            }
        }

        return changes.ToImmutable();
    }
}
