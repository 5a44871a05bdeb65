using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Monitoring;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Testing;

namespace OrleansMlops.Grains.Tests;

/// <summary>A monitoring decision the gate cannot make is a governance error: it is reported, and it starts nothing.</summary>
public sealed class MonitoringFailClosedTests : IAsyncLifetime
{
    // Indexing a dictionary with a key the report lacks throws at evaluation: a governance error, not a rule failure.
    private const string ThrowingPack = """
        {
          "$schema": "./rule-set.schema.json",
          "id": "model-monitoring",
          "title": "Monitoring with a rule that reads a metric the report may lack",
          "owner": "model-risk-management",
          "appliesTo": ["monitor"],
          "workflows": [
            {
              "WorkflowName": "monitoring",
              "Rules": [
                {
                  "RuleName": "MON-1 feature stability within bound",
                  "Expression": "model.Monitoring[\"psi\"] <= 0.25",
                  "ErrorMessage": "MON-1: the population stability index is above 0.25."
                }
              ]
            }
          ]
        }
        """;

    private readonly EngineSetup _setup = new();
    private EngineCluster _engine = null!;

    public async Task InitializeAsync()
    {
        _setup.PoliciesPath = _setup.Directory.CopyFrom(RepoPaths.Policies, "policies");
        await File.WriteAllTextAsync(Path.Combine(_setup.PoliciesPath, "model-monitoring.json"), ThrowingPack);
        File.Delete(Path.Combine(_setup.PoliciesPath, "model-monitoring.fixtures.json"));
        _engine = await EngineCluster.StartAsync(_setup);
        await _engine.PublishAsync("credit-risk", RepoPaths.Workflow("credit-risk"));
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    [Fact]
    public async Task A_governance_error_starts_no_retraining_run_and_is_reported_as_such()
    {
        var client = _engine.Client;
        await client.Release("run-v1");

        var outcome = await client.Monitor().Report(Monitoring.Report(1, observationId: null, ("drift", 0.9)));

        Assert.Equal((MonitoringOutcomeKind.GovernanceError, (string?)null), (outcome.Outcome, outcome.RetrainingRunId));
        Assert.StartsWith("governance error", outcome.Error, StringComparison.Ordinal);
        var view = await client.Monitor().GetView();
        Assert.Equal((null, 0), (view.OpenRetrainingRunId, view.RetrainingRunsStarted));
        Assert.Equal(RunStatus.NotStarted, (await client.Run("retrain-credit-risk-production-1").GetView()).Status);
        var decision = await _engine.SiloService<IDecisionStore>().GetAsync(outcome.DecisionId, CancellationToken.None);
        Assert.Equal(GateOutcome.Error, decision?.Outcome);
    }
}
