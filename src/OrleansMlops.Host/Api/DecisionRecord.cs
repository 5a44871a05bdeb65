using System.Collections.Immutable;
using System.Text.Json;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Host.Api;

/// <summary>The full decision record: the typed input the rules saw (as JSON) and every rule's result with its rule set version.</summary>
public sealed record DecisionRecord(
    string DecisionId,
    string RunId,
    string Transition,
    string? NodeId,
    GateOutcome Outcome,
    ImmutableArray<RuleSetRef> RuleSets,
    ImmutableArray<DecisionRuleResult> Results,
    JsonElement Input,
    DateTimeOffset EvaluatedAt,
    double DurationMs,
    string? Error)
{
    public static DecisionRecord From(GateDecision decision) => new(
        decision.DecisionId,
        decision.RunId,
        decision.Transition,
        decision.NodeId,
        decision.Outcome,
        decision.RuleSets,
        [.. decision.Results.Select(r => new DecisionRuleResult(
            r.RuleSetId,
            decision.RuleSets.FirstOrDefault(s => s.RuleSetId == r.RuleSetId)?.Version,
            r.RuleName,
            r.Passed,
            r.Message))],
        Parse(decision.InputJson),
        decision.EvaluatedAt,
        decision.DurationMs,
        decision.Error);

    private static JsonElement Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON (a decision recorded before the gate could serialize its input): shown as the text it is.
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
