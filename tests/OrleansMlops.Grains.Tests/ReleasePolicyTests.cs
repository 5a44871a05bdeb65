using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Grains.Runs;
using OrleansMlops.Grains.Runs.Release;

namespace OrleansMlops.Grains.Tests;

/// <summary>The release rules on their own: what a stage's result and a sign-off owe the run's model version.</summary>
public sealed class ReleasePolicyTests
{
    private static readonly ModelVersionKey Version = new("credit-risk", 3);
    private static readonly DateTimeOffset At = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Vera = new("vera", ["validator"], "model-validation");

    [Fact]
    public void Training_registers_the_allocated_version_and_names_it_in_the_run_s_variables()
    {
        var trained = Registration();

        var outcome = ReleasePolicy.OfStage("train", StageResult.Empty with { TrainedModel = trained }, Version, "alice", reason: null);

        var register = Assert.Single(outcome.Effects);
        Assert.Equal((ModelEffectKind.Register, Version, "alice"), (register.Kind, register.Model, register.Actor));
        Assert.Same(trained, register.Registration);
        Assert.Equal("credit-risk", outcome.Variables["model.name"].Text);
        Assert.Equal(3, outcome.Variables["model.version"].Number);
        Assert.Null(outcome.MeasuredMetrics);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("Validate")]
    public void The_validate_stage_s_metrics_wait_for_the_validator_and_change_nothing_yet(string stage)
    {
        var metrics = ImmutableDictionary<string, double>.Empty.Add("auc", 0.82);

        var outcome = ReleasePolicy.OfStage(stage, StageResult.Empty with { Metrics = metrics }, Version, "alice", reason: null);

        Assert.Empty(outcome.Effects);
        Assert.Equal(0.82, outcome.MeasuredMetrics!["auc"]);
    }

    [Theory]
    [InlineData("deploy", DeploymentKind.Deploy)]
    [InlineData("rollback", DeploymentKind.Rollback)]
    public void A_stage_that_went_live_deploys_the_version_and_a_rollback_stage_rolls_back_with_the_run_s_reason(string stage, DeploymentKind kind)
    {
        var outcome = ReleasePolicy.OfStage(stage, StageResult.Empty with { DeployedEnvironment = "production" }, Version, "alice", "INC-42");

        var deploy = Assert.Single(outcome.Effects);
        Assert.Equal((ModelEffectKind.Deploy, "production", kind, "INC-42"), (deploy.Kind, deploy.Environment, deploy.Deployment, deploy.Reason));
    }

    [Fact]
    public void Evidence_a_stage_collected_is_attached_to_the_version()
    {
        ModelDocument document = new("evidence", "Bias review", "docs/bias.md", new string('b', 64), ImmutableDictionary<string, string>.Empty, "alice", At);

        var outcome = ReleasePolicy.OfStage("evidence", StageResult.Empty with { Documents = [document] }, Version, "alice", reason: null);

        var attach = Assert.Single(outcome.Effects);
        Assert.Equal(ModelEffectKind.AttachDocuments, attach.Kind);
        Assert.Equal([document], attach.Documents.AsEnumerable());
    }

    [Fact]
    public void A_run_without_a_model_version_owes_it_nothing()
    {
        var outcome = ReleasePolicy.OfStage("deploy", StageResult.Empty with { DeployedEnvironment = "production" }, model: null, "alice", reason: null);
        var signOff = ReleasePolicy.OfSignOff(new UserTaskGate("approve", RunRoles.Approver), Vera, model: null, ImmutableDictionary<string, double>.Empty);

        Assert.Empty(outcome.Effects);
        Assert.Equal((RunRoles.Approver, null, false), (signOff.ActorRole, signOff.Effect, signOff.OwesEvidence));
    }

    [Fact]
    public void The_validator_s_sign_off_validates_the_version_with_the_measured_metrics_and_owes_no_evidence()
    {
        var measured = new Dictionary<string, double>(StringComparer.Ordinal) { ["auc"] = 0.82 };

        var signOff = ReleasePolicy.OfSignOff(new UserTaskGate("validate", RunRoles.Validator), Vera, Version, measured);

        Assert.Equal(RunRoles.Validator, signOff.ActorRole);
        Assert.Equal((ModelEffectKind.Validate, "vera"), (signOff.Effect!.Kind, signOff.Effect.Actor));
        Assert.Equal(0.82, signOff.Effect.Metrics!["auc"]);
        Assert.False(signOff.OwesEvidence);
    }

    [Fact]
    public void The_approver_s_sign_off_approves_the_version_and_owes_its_frozen_evidence()
    {
        var signOff = ReleasePolicy.OfSignOff(new UserTaskGate("approve", RunRoles.Approver), Vera, Version, ImmutableDictionary<string, double>.Empty);

        Assert.Equal((ModelEffectKind.Approve, Version), (signOff.Effect!.Kind, signOff.Effect.Model));
        Assert.True(signOff.OwesEvidence);
    }

    private static ModelRegistration Registration() => new(
        "credit-risk",
        "creditworthiness assessment",
        "high",
        "artifacts/credit-risk.zip",
        new string('a', 64),
        new ModelLineage("credit-applicants", "2026-11", [], "6eba5ef4", ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty, "alice", At),
        ImmutableDictionary<string, double>.Empty);
}
