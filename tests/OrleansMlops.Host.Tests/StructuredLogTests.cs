using System.Text.RegularExpressions;

namespace OrleansMlops.Host.Tests;

/// <summary>Every transition's log event carries the run, the model version, the stage and the gate decision as properties.</summary>
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

    [GeneratedRegex(@"Kind=gate\.allowed .*Stage=deploy DecisionId=[0-9a-f]{32} ")]
    private static partial Regex DeployGate();
}
