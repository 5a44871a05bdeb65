using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Host.Api.Idempotency;
using OrleansMlops.Host.Identity;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Api;

/// <summary>
/// Which version of a model is live where, and when: the history of each environment, the version live at a past
/// time, promotion and rollback. Promotion and rollback start runs of workflows/promote-model.bpmn and
/// rollback-model.bpmn, so their gates decide and their audit trails record them like any other transition.
/// </summary>
public static class EnvironmentsApi
{
    public const string PromoteWorkflow = "promote-model";

    public const string RollbackWorkflow = "rollback-model";

    private const int DefaultHistoryPage = 100;

    public static RouteGroupBuilder MapEnvironmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/models/{name}").WithTags("Environments");
        group.MapGet("/environments/{environment}", GetEnvironment).RequirePermission(Permission.Read);
        group.MapGet("/environments/{environment}/version-at", VersionAt).RequirePermission(Permission.Read);
        group.MapGet("/environments/{environment}/history", GetHistory).RequirePermission(Permission.Read);
        group.MapPost("/environments/{environment}/rollback", Rollback).RequirePermission(Permission.Release).Idempotent();
        group.MapPost("/versions/{version:int}/promote", Promote).RequirePermission(Permission.Release).Idempotent();
        return group;
    }

    private static async Task<Results<Ok<ModelEnvironmentView>, ProblemHttpResult>> GetEnvironment(
        string name, string environment, IGrainFactory grains) =>
        TargetEnvironment.IsValidName(environment)
            ? TypedResults.Ok(await Environment(grains, name, environment).GetView())
            : InvalidEnvironment(environment);

    /// <summary>A page of the history, oldest first: the entries after the first <c>after</c> (0), at most <c>limit</c> (100).</summary>
    private static async Task<Results<Ok<ImmutableArray<DeploymentEntry>>, ProblemHttpResult>> GetHistory(
        string name, string environment, int? after, int? limit, IGrainFactory grains)
    {
        if (!TargetEnvironment.IsValidName(environment))
        {
            return InvalidEnvironment(environment);
        }

        if (after is < 0)
        {
            return ApiProblems.BadRequest($"after must be 0 or more (the entries already read); got {after}.", "after");
        }

        if (limit is < 1 or > IModelEnvironmentGrain.MaxHistoryPage)
        {
            return ApiProblems.BadRequest($"limit must be 1 to {IModelEnvironmentGrain.MaxHistoryPage}; got {limit}.", "limit");
        }

        return TypedResults.Ok(await Environment(grains, name, environment).GetHistory(after ?? 0, limit ?? DefaultHistoryPage));
    }

    private static async Task<Results<Ok<LiveVersionAt>, ProblemHttpResult>> VersionAt(
        string name, string environment, string? time, IGrainFactory grains)
    {
        if (!TargetEnvironment.IsValidName(environment))
        {
            return InvalidEnvironment(environment);
        }

        if (!DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return ApiProblems.BadRequest($"time '{time}' is not an ISO 8601 instant, e.g. 2026-11-23T09:00:00Z.", "time");
        }

        var view = await Environment(grains, name, environment).GetView();
        return TypedResults.Ok(new LiveVersionAt(name, environment, at, view.VersionAt(at)));
    }

    private static async Task<Results<Created<RunView>, ProblemHttpResult>> Promote(
        string name, int version, ReleaseBody body, HttpRequest request, IGrainFactory grains, TimeProvider time)
    {
        if (!TargetEnvironment.IsValidName(body.Environment))
        {
            return InvalidEnvironment(body.Environment);
        }

        return await StartRelease(request, grains, time, PromoteWorkflow, new ModelVersionKey(name, version), body.Environment!, body.Reason);
    }

    private static async Task<Results<Created<RunView>, ProblemHttpResult>> Rollback(
        string name, string environment, ReleaseBody body, HttpRequest request, IGrainFactory grains, TimeProvider time)
    {
        if (!TargetEnvironment.IsValidName(environment))
        {
            return InvalidEnvironment(environment);
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return ApiProblems.BadRequest("reason is required: a rollback states why (the incident or finding, e.g. \"INC-4711: approval rates drifted\").", "reason");
        }

        // A retry whose lost first attempt started the rollback gets that run: the environment has moved back since, so a
        // target computed now would be the version before the one that attempt returned to.
        if (IdempotentEndpoint.ReservedId(request) is not null
            && await grains.GetGrain<IPipelineRunGrain>(RunIds.New(request, time.GetUtcNow())).GetView() is { Status: not RunStatus.NotStarted } started)
        {
            return TypedResults.Created($"/api/runs/{started.RunId}", started);
        }

        var view = await Environment(grains, name, environment).GetView();
        if (view.RollbackTarget is not { } target)
        {
            return TypedResults.Problem(
                title: "Nothing to roll back to",
                detail: view.LiveVersion is { } live
                    ? $"Version {live} of '{name}' is the only one ever live in {environment}; there is no earlier version to return to."
                    : $"No version of '{name}' was ever live in {environment}.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return await StartRelease(request, grains, time, RollbackWorkflow, new ModelVersionKey(name, target), environment, body.Reason);
    }

    private static async Task<Results<Created<RunView>, ProblemHttpResult>> StartRelease(
        HttpRequest request, IGrainFactory grains, TimeProvider time, string workflowId, ModelVersionKey model, string environment, string? reason)
    {
        var caller = Caller.Of(request);
        var parameters = ImmutableDictionary.CreateRange(StringComparer.Ordinal,
        [
            KeyValuePair.Create("model", Variable.Of(model.GrainKey)),
            KeyValuePair.Create("environment", Variable.Of(environment)),
            KeyValuePair.Create("reason", Variable.Of(reason?.Trim() ?? string.Empty)),
        ]);
        var runId = RunIds.New(request, time.GetUtcNow());
        try
        {
            var view = await grains.GetGrain<IPipelineRunGrain>(runId).Start(new StartRunRequest(workflowId, null, parameters, caller));
            return TypedResults.Created($"/api/runs/{runId}", view);
        }
        catch (RunException e)
        {
            return ApiProblems.From(e);
        }
    }

    private static IModelEnvironmentGrain Environment(IGrainFactory grains, string name, string environment) =>
        grains.GetGrain<IModelEnvironmentGrain>(new ModelEnvironmentKey(name, environment).GrainKey);

    private static ProblemHttpResult InvalidEnvironment(string? environment) => ApiProblems.BadRequest(
        $"Environment '{environment}' is not a valid name: lowercase letters, digits and '-', starting with a letter, at most 32 characters.",
        "environment");
}
