using System.Text.Json.Nodes;
using OrleansMlops.Cli.Commands;

namespace OrleansMlops.Cli.Tests;

public sealed class RunOutcomeTests
{
    [Fact]
    public void A_run_blocked_by_an_incident_is_a_negative_outcome_naming_the_incident_and_the_way_on()
    {
        var run = JsonNode.Parse("""
            {"runId":"run-1","status":"blocked",
             "problem":"Incident: exclusive gateway 'Checked?' (route) cannot evaluate the condition of flow 'skip' (${!checked}): 'not' needs a boolean, not null"}
            """);

        var outcome = RunOutcome.Of(run);

        Assert.True(outcome.Settled);
        Assert.Equal(ExitCodes.NegativeOutcome, outcome.ExitCode);
        Assert.Equal(
            "Run run-1 is blocked: Incident: exclusive gateway 'Checked?' (route) cannot evaluate the condition of flow 'skip' (${!checked}): "
            + "'not' needs a boolean, not null. Fix the cause, then retry it (POST /api/runs/run-1/retry).",
            outcome.Description);
        Assert.DoesNotContain("governance", outcome.Description, StringComparison.Ordinal);
    }
}
