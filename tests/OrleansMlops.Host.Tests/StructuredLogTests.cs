using System.Text.RegularExpressions;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// Log events carry what an operator searches by as properties: the run, the model version, the stage and the gate
/// decision on every transition; the model version and its run on every lifecycle change; the model version and the
/// decision on every monitoring judgement.
/// </summary>
public sealed partial class StructuredLogTests
{
    [Fact]
    public async Task Transition_events_carry_run_model_version_stage_and_decision()
    {
        await using var factory = new EngineHostFactory();
        var http = factory.CreateClient().SignedInAs("audrey");

        var version = await http.ReleaseCreditModel();

        var transitions = factory.Logs.Entries.Where(e => e.Contains("Sequence=", StringComparison.Ordinal)).ToList();
        Assert.Contains(transitions, e => DeployGate().IsMatch(e) && e.Contains($"ModelVersion=credit-risk/{version} ", StringComparison.Ordinal));
        Assert.Contains(transitions, e => e.Contains("Kind=stage.completed ", StringComparison.Ordinal) && e.Contains("Stage=train ", StringComparison.Ordinal));
        Assert.All(transitions, e => Assert.Matches(@"RunId=\S+", e));
    }

    [Fact]
    public async Task Model_version_changes_and_monitoring_judgements_carry_the_model_version_run_and_decision()
    {
        await using var factory = new EngineHostFactory();
        var http = factory.CreateClient().SignedInAs("audrey");
        var version = await http.ReleaseCreditModel();

        var breach = await (await http.SendAsync(
            HttpClientExtensions.Post("/api/models/credit-risk/environments/production/monitoring", new { version, metrics = new { drift = 0.31 } })
                .As("credit-monitoring-service"))).Body();

        var model = $"ModelVersion=credit-risk/{version} ";
        var changes = factory.Logs.Entries.Where(e => e.Contains(model, StringComparison.Ordinal) && e.Contains("Lifecycle=", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["Registered", "Validated", "Approved", "Deployed"],
            changes.Select(e => LifecycleOf().Match(e).Groups[1].Value).Distinct());
        Assert.All(changes, e => Assert.Matches(@"Actor=\S+ RunId=\S+", e));
        var decisionId = breach.GetProperty("decisionId").GetString();
        Assert.Contains(factory.Logs.Entries, e => e.Contains("Monitor=credit-risk/production", StringComparison.Ordinal)
            && e.Contains(model + "Environment=production Outcome=RetrainingStarted DecisionId=" + decisionId, StringComparison.Ordinal));
        Assert.Contains(factory.Logs.Entries, e => e.Contains($"RunId={breach.GetProperty("retrainingRunId").GetString()} {model}DecisionId={decisionId} ", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"Lifecycle=(\w+) ")]
    private static partial Regex LifecycleOf();

    [GeneratedRegex(@"Kind=gate\.allowed .*Stage=deploy DecisionId=[0-9a-f]{32} ")]
    private static partial Regex DeployGate();
}
