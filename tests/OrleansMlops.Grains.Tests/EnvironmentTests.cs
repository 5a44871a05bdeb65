using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Testing;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// Environments dev → staging → production: every change of what is live is a governed run, kept in each
/// environment's history, so "what was in production at time T" has an answer and a rollback has a target.
/// </summary>
public sealed class EnvironmentTests : IAsyncLifetime
{
    private readonly EngineSetup _setup = new();
    private EngineCluster _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineCluster.StartAsync(_setup);
        foreach (var workflow in new[] { "credit-risk", "promote-model", "rollback-model" })
        {
            await _engine.PublishAsync(workflow, RepoPaths.Workflow(workflow));
        }
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    private IClusterClient Client => _engine.Client;

    [Fact]
    public async Task A_release_goes_live_in_staging_then_production_and_the_history_answers_what_was_live_when()
    {
        var before = _setup.Clock.GetUtcNow();
        _setup.Clock.Advance(TimeSpan.FromMinutes(1));

        var done = await Client.Release("run-release");

        var model = await Client.ModelOf(done);
        Assert.Equal(ModelLifecycle.Deployed, model.Lifecycle);
        Assert.Equal(["staging", "production"], model.LiveIn.AsEnumerable());
        var production = await Client.Environment("production").GetView();
        var entry = Assert.Single(production.History);
        Assert.Equal((1, (int?)null, DeploymentKind.Deploy, "run-release", "alice"), (entry.Version, entry.ReplacedVersion, entry.Kind, entry.RunId, entry.Actor));
        Assert.Equal((1, (int?)null), (production.LiveVersion, production.RollbackTarget));
        Assert.Null(production.VersionAt(before));
        Assert.Equal(1, production.VersionAt(entry.At));
        Assert.Equal(1, (await Client.Environment("staging").GetView()).LiveVersion);
        Assert.Equal(
            ["enter:train", "enter:evidence", "enter:validate", "signoff:validation", "approve", "enter:deploy", "enter:deploy"],
            done.Decisions.Select(d => d.Transition));
    }

    [Fact]
    public async Task A_rollback_returns_production_to_the_previous_version_as_a_governed_audited_run()
    {
        await Client.Release("run-v1");
        _setup.Clock.Advance(TimeSpan.FromHours(1));
        var v2Released = _setup.Clock.GetUtcNow();
        await Client.Release("run-v2");
        Assert.Equal((2, (int?)1), await LiveAndTarget("production"));
        _setup.Clock.Advance(TimeSpan.FromHours(1));

        var rollback = await Client.StartRelease("run-rollback", "rollback-model", "credit-risk/1", "production", Actors.Dora, "INC-4711: approval rates drifted after v2");

        Assert.Equal(RunStatus.Completed, rollback.Status);
        Assert.Equal("enter:rollback", Assert.Single(rollback.Decisions).Transition);
        Assert.Contains(Assert.Single(rollback.Decisions).RuleSets, r => r.RuleSetId == "release-management");
        var production = await Client.Environment("production").GetView();
        Assert.Equal((1, (int?)null), (production.LiveVersion, production.RollbackTarget));
        var last = production.History[^1];
        Assert.Equal((1, (int?)2, DeploymentKind.Rollback, "dora", "INC-4711: approval rates drifted after v2"), (last.Version, last.ReplacedVersion, last.Kind, last.Actor, last.Reason));
        Assert.Equal(2, production.VersionAt(v2Released));
        Assert.Equal(1, production.VersionAt(_setup.Clock.GetUtcNow()));
        var v2 = (await Client.GetGrain<IModelVersionGrain>("credit-risk/2").GetView())!;
        Assert.Equal(["staging"], v2.LiveIn.AsEnumerable());
        Assert.Contains(v2.History, e => e.Detail == "replaced in production by version 1 (rollback)");
        // v2's release to staging replaced v1 there; the rollback only concerns production.
        Assert.Equal(["production"], (await Client.GetGrain<IModelVersionGrain>("credit-risk/1").GetView())!.LiveIn.AsEnumerable());
        Assert.True((await Client.Run("run-rollback").VerifyAudit()).Valid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_rollback_without_a_reason_is_refused_before_any_run_starts(string reason)
    {
        await Client.Release("run-v1");
        await Client.Release("run-v2");

        var refusal = await Assert.ThrowsAsync<RunException>(() =>
            Client.StartRelease("run-rollback", "rollback-model", "credit-risk/1", "production", Actors.Dora, reason));

        Assert.Equal(RunErrorCode.InvalidRequest, refusal.Code);
        Assert.Contains("parameter 'reason' is required", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.NotStarted, (await Client.Run("run-rollback").GetView()).Status);
        Assert.Equal((2, (int?)1), await LiveAndTarget("production"));
    }

    [Fact]
    public async Task A_rollback_whose_reason_does_not_say_why_is_blocked_by_its_gate_and_changes_nothing()
    {
        await Client.Release("run-v1");
        await Client.Release("run-v2");

        var blocked = await Client.StartRelease("run-rollback", "rollback-model", "credit-risk/1", "production", Actors.Dora, "oops");

        Assert.Equal(RunStatus.Blocked, blocked.Status);
        var decision = Assert.Single(blocked.Decisions);
        Assert.Equal("REL-2 rollback states its reason", Assert.Single(decision.Results, r => !r.Passed).RuleName);
        Assert.Equal((2, (int?)1), await LiveAndTarget("production"));
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("mallory")]
    public async Task Someone_else_than_a_deployer_cannot_start_a_rollback_whatever_roles_the_call_claims(string who)
    {
        await Client.Release("run-v1");
        await Client.Release("run-v2");
        var claimingDeployer = new OrleansMlops.Abstractions.Actor(who, ["deployer"], "ml-platform");

        var refusal = await Assert.ThrowsAsync<RunException>(() =>
            Client.StartRelease("run-rollback", "rollback-model", "credit-risk/1", "production", claimingDeployer, "INC-4712: scores drifted"));

        Assert.Equal(RunErrorCode.NotPermitted, refusal.Code);
        Assert.Contains("started by deployer", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.NotStarted, (await Client.Run("run-rollback").GetView()).Status);
        Assert.Equal((2, (int?)1), await LiveAndTarget("production"));
    }

    [Fact]
    public async Task Promotion_skipping_the_environment_before_on_the_path_is_blocked()
    {
        await Client.Release("run-v1");

        var blocked = await Client.StartRelease("run-promote", "promote-model", "credit-risk/1", "dr-site", Actors.Dora, "disaster recovery site");

        Assert.Equal(RunStatus.Blocked, blocked.Status);
        Assert.Contains(Assert.Single(blocked.Decisions).Results, r => r.RuleName == "REL-1 promotion follows the environment path" && !r.Passed);
        Assert.Empty((await Client.Environment("dr-site").GetView()).History);
    }

    [Fact]
    public async Task Promotion_of_a_released_version_into_a_new_environment_is_recorded_there()
    {
        await Client.Release("run-v1");

        var promoted = await Client.StartRelease("run-promote", "promote-model", "credit-risk/1", "canary", Actors.Dora, "canary for branch network");

        Assert.Equal(RunStatus.Completed, promoted.Status);
        Assert.Equal(["enter:deploy"], promoted.Decisions.Select(d => d.Transition));
        var canary = Assert.Single((await Client.Environment("canary").GetView()).History);
        Assert.Equal((1, DeploymentKind.Deploy, "run-promote", "canary for branch network"), (canary.Version, canary.Kind, canary.RunId, canary.Reason));
        Assert.Equal(["staging", "production", "canary"], (await Client.ModelOf(promoted)).LiveIn.AsEnumerable());
        var promotedThen = await Client.StartRelease("run-dr", "promote-model", "credit-risk/1", "dr-site", Actors.Dora, "disaster recovery site");
        Assert.Equal(RunStatus.Completed, promotedThen.Status);
    }

    [Fact]
    public async Task A_tampered_artifact_never_goes_live_stops_the_run_as_an_incident_and_a_retry_once_it_is_restored_releases_it()
    {
        var validated = await Client.StartValidated("run-tampered");
        var model = await Client.ModelOf(validated);
        var uri = model.Registration.ArtifactUri;
        var artifact = uri.StartsWith("file:", StringComparison.Ordinal) ? new Uri(uri).LocalPath : Path.Combine(RepoPaths.Root, uri);
        var original = await File.ReadAllBytesAsync(artifact);
        var tampered = original.ToArray();
        tampered[tampered.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(artifact, tampered);

        var stopped = await Client.Complete("run-tampered", CreditRuns.Approval, Actors.Bob);

        Assert.Equal(RunStatus.Blocked, stopped.Status);
        var incident = Assert.Single(stopped.History, h => h.Kind == "stage.incident");
        Assert.Contains(model.Registration.ArtifactSha256, incident.Summary, StringComparison.Ordinal);
        Assert.Contains("failed its integrity check", stopped.Problem, StringComparison.Ordinal);
        Assert.Contains("Task_DeployStaging", stopped.Problem, StringComparison.Ordinal);
        Assert.Empty((await Client.Environment("staging").GetView()).History);
        Assert.Empty((await Client.ModelOf(stopped)).LiveIn);

        // Retried while the artifact is still wrong, the run stops again; nothing goes live.
        var again = await Client.Run("run-tampered").Retry(Actors.Alice);
        Assert.Equal(RunStatus.Blocked, again.Status);
        Assert.Equal(2, again.History.Count(h => h.Kind == "stage.incident"));

        await File.WriteAllBytesAsync(artifact, original);
        var released = await Client.Run("run-tampered").Retry(Actors.Alice);

        Assert.Equal(RunStatus.Completed, released.Status);
        Assert.Equal(["staging", "production"], (await Client.ModelOf(released)).LiveIn.AsEnumerable());
        // Each try of the staging deploy passed its gate anew (three), then production's (one).
        Assert.Equal(4, released.Decisions.Count(d => d.Transition == "enter:deploy"));
        Assert.True((await Client.Run("run-tampered").VerifyAudit()).Valid);
    }

    [Fact]
    public async Task A_release_run_must_name_an_approved_version()
    {
        await Client.Start("run-unapproved");

        var unknown = await Assert.ThrowsAsync<RunException>(() => Client.StartRelease("run-a", "promote-model", "credit-risk/9", "staging", Actors.Dora));
        var unapproved = await Assert.ThrowsAsync<RunException>(() => Client.StartRelease("run-b", "promote-model", "credit-risk/1", "staging", Actors.Dora));
        var malformed = await Assert.ThrowsAsync<RunException>(() => Client.StartRelease("run-c", "promote-model", "credit-risk", "staging", Actors.Dora));

        Assert.Contains("credit-risk/9, which is not registered", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("credit-risk/1 is Registered", unapproved.Message, StringComparison.Ordinal);
        Assert.Contains("\"name/version\"", malformed.Message, StringComparison.Ordinal);
        Assert.All([unknown, unapproved, malformed], e => Assert.Equal(RunErrorCode.InvalidRequest, e.Code));
    }

    private async Task<(int?, int?)> LiveAndTarget(string environment)
    {
        var view = await Client.Environment(environment).GetView();
        return (view.LiveVersion, view.RollbackTarget);
    }
}
