using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.Evaluation;
using OrleansMlops.Governance.Expressions;
using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance.Fixtures;

/// <summary>
/// Runs a rule set's fixtures, like <c>opa test</c>: each case's input is evaluated by that rule set alone (the
/// workflows that gate the input's transition), whatever its effective dates, and the outcome and the named rules are
/// compared with what the case expects.
/// </summary>
public static class RuleSetFixtureRunner
{
    /// <summary>Runs the fixtures file at <paramref name="fixturesPath"/>; a missing or unreadable file gives a failed report.</summary>
    public static async Task<FixtureReport> RunFileAsync(ActiveRuleSet ruleSet, string fixturesPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        RuleSetFixtureFile fixtures;
        try
        {
            fixtures = await FixtureFileReader.ReadFileAsync(fixturesPath, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException
                ? $"rule set '{ruleSet.Ref.RuleSetId}' has no fixtures file '{Path.GetFileName(fixturesPath)}'; every rule set needs a passing and a failing case per rule."
                : $"the fixtures file '{Path.GetFileName(fixturesPath)}' cannot be used: {ex.Message}";
            return new FixtureReport(ruleSet.Ref.RuleSetId, ruleSet.Ref, Path.GetFileName(fixturesPath), [], reason);
        }

        return await RunAsync(ruleSet, fixtures, Path.GetFileName(fixturesPath), cancellationToken);
    }

    /// <summary>Runs <paramref name="fixtures"/> against a rule set that was loaded but not activated (version 0).</summary>
    public static Task<FixtureReport> RunAsync(LoadedRuleSet ruleSet, RuleSetFixtureFile fixtures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var candidate = new ActiveRuleSet(new RuleSetRef(ruleSet.Id, 0, ruleSet.ContentHash), ruleSet, "fixtures", DateTimeOffset.UnixEpoch, "fixtures");
        return RunAsync(candidate, fixtures, RuleSetFiles.FixturesFor(ruleSet.File), cancellationToken);
    }

    public static async Task<FixtureReport> RunAsync(ActiveRuleSet ruleSet, RuleSetFixtureFile fixtures, string fixturesFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(fixtures);
        var id = ruleSet.Ref.RuleSetId;
        var name = Path.GetFileName(fixturesFile);
        if (fixtures.RuleSet != id)
        {
            return new FixtureReport(id, ruleSet.Ref, name, [], $"the fixtures file '{name}' is for rule set '{fixtures.RuleSet}', not '{id}'.");
        }

        var cases = ImmutableArray.CreateBuilder<FixtureCaseResult>(fixtures.Cases.Length);
        foreach (var fixture in fixtures.Cases)
        {
            cases.Add(await RunCaseAsync(ruleSet, fixture, cancellationToken));
        }

        return new FixtureReport(id, ruleSet.Ref, name, cases.MoveToImmutable(), null);
    }

    private static async Task<FixtureCaseResult> RunCaseAsync(ActiveRuleSet ruleSet, FixtureCase fixture, CancellationToken cancellationToken)
    {
        var input = fixture.Input;
        var mismatches = ImmutableArray.CreateBuilder<string>();
        var evaluation = new GateEvaluationResult([ruleSet.Ref], [], []);
        if (GateEvaluation.InputProblem(input.Run?.RunId ?? string.Empty, input) is { } problem)
        {
            evaluation = evaluation with { Errors = [problem] };
        }
        else if (!ruleSet.RuleSet.Declares(input.Transition))
        {
            mismatches.Add($"the rule set does not gate '{input.Transition}' (appliesTo: {string.Join(", ", ruleSet.RuleSet.AppliesTo)}).");
        }
        else
        {
            var result = await RuleSetEvaluator.EvaluateAsync(ruleSet, input.Transition, RuleParameters.ForEvaluation(input), cancellationToken);
            evaluation = evaluation with { Results = result.Results, Errors = result.Errors };
        }

        var outcome = evaluation.Outcome;
        if (outcome != fixture.Expect.Outcome)
        {
            mismatches.Add($"expected outcome {fixture.Expect.Outcome}, got {outcome}"
                + (evaluation.Errors.IsEmpty ? "." : $": {string.Join(" | ", evaluation.Errors)}"));
        }

        foreach (var (rule, expected) in fixture.Expect.Rules.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var actual = evaluation.Results.FirstOrDefault(r => r.RuleName == rule);
            if (actual is null)
            {
                mismatches.Add(ruleSet.RuleSet.RulesByName.ContainsKey(rule)
                    ? $"rule '{rule}' did not run for '{input.Transition}' (its workflow gates other transitions)."
                    : $"the rule set has no rule named '{rule}'.");
            }
            else if (actual.Passed != expected)
            {
                mismatches.Add($"rule '{rule}' was expected to {(expected ? "pass" : "fail")} but {(actual.Passed ? "passed" : "failed: " + actual.Message)}");
            }
        }

        return new FixtureCaseResult(fixture.Name, mismatches.Count == 0, fixture.Expect.Outcome, outcome, mismatches.ToImmutable(), evaluation.Results);
    }
}
