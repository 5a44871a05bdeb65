using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.Grains.Tests;

/// <summary>Runs of the shipped credit-risk workflow as the README walks through them.</summary>
internal static class CreditRuns
{
    public const string ValidationReview = "UserTask_ValidationReview";

    public const string Approval = "UserTask_ApproveModel";

    /// <summary>What a release request declares: purpose and risk class (AI Act), owner and tier (inventory), thresholds fixed up front.</summary>
    public static readonly ImmutableDictionary<string, Variable> Parameters = ImmutableDictionary<string, Variable>.Empty
        .Add("purpose", Variable.Of("creditworthiness assessment of retail loan applicants"))
        .Add("riskClass", Variable.Of("high"))
        .Add("owner", Variable.Of("head-of-retail-credit"))
        .Add("tier", Variable.Of("1"))
        .Add("threshold.auc.min", Variable.Of(0.70))
        .Add("threshold.disparity.max", Variable.Of(0.10));

    public static Task<RunView> Start(this IClusterClient client, string runId, Actor? by = null, ImmutableDictionary<string, Variable>? parameters = null) =>
        client.Run(runId).Start(new StartRunRequest("credit-risk", null, parameters ?? Parameters, by ?? Actors.Alice));

    public static Task<RunView> Complete(this IClusterClient client, string runId, string taskId, Actor actor, TaskDecision decision = TaskDecision.Approve) =>
        client.Run(runId).CompleteTask(new CompleteTaskRequest(taskId, decision, actor, $"{decision} by {actor.Id}"));

    /// <summary>Started by alice and signed off by vera, an independent validator: waiting for the approval.</summary>
    public static async Task<RunView> StartValidated(this IClusterClient client, string runId, Actor? by = null)
    {
        await client.Start(runId, by);
        return await client.Complete(runId, ValidationReview, Actors.Vera);
    }

    /// <summary>A release from start to production: trained, validated by vera, approved by bob, live in staging then production.</summary>
    public static async Task<RunView> Release(this IClusterClient client, string runId)
    {
        await client.StartValidated(runId);
        var done = await client.Complete(runId, Approval, Actors.Bob);
        Assert.Equal(RunStatus.Completed, done.Status);
        return done;
    }

    /// <summary>Starts a run of promote-model or rollback-model for <paramref name="model"/> ("name/version").</summary>
    public static Task<RunView> StartRelease(
        this IClusterClient client, string runId, string workflowId, string model, string environment, Actor by, string reason = "") =>
        client.Run(runId).Start(new StartRunRequest(
            workflowId,
            null,
            ImmutableDictionary<string, Variable>.Empty
                .Add("model", Variable.Of(model))
                .Add("environment", Variable.Of(environment))
                .Add("reason", Variable.Of(reason)),
            by));

    public static IModelEnvironmentGrain Environment(this IClusterClient client, string environment, string model = "credit-risk") =>
        client.GetGrain<IModelEnvironmentGrain>(new ModelEnvironmentKey(model, environment).GrainKey);

    public static IPipelineRunGrain Run(this IClusterClient client, string runId) => client.GetGrain<IPipelineRunGrain>(runId);

    public static async Task<ModelVersionView> ModelOf(this IClusterClient client, RunView view)
    {
        Assert.NotNull(view.Model);
        var model = await client.GetGrain<IModelVersionGrain>(view.Model.GrainKey).GetView();
        Assert.NotNull(model);
        return model;
    }
}
