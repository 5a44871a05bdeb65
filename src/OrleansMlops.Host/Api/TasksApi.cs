using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Host.Identity;
using OrleansMlops.Storage.Runs;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Api;

/// <summary>
/// The approvals inbox: the open user tasks of waiting runs that the caller's roles make them a candidate for. A task
/// the caller may not complete because they submitted or trained the run (four-eyes, independent validation) is
/// listed with <see cref="OpenTaskItem.SelfInvolved"/> so they are told before they try.
/// </summary>
public static class TasksApi
{
    /// <summary>How many of the newest waiting runs are looked at.</summary>
    public const int RunLimit = 200;

    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks");
        group.MapGet("/", ListTasks).RequirePermission(Permission.Read);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<OpenTaskItem>>, ProblemHttpResult>> ListTasks(
        HttpRequest request, IRunIndex index, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(request);

        var waiting = await index.ListAsync(new RunQuery(Status: RunStatus.WaitingForUser, Limit: RunLimit), cancellationToken);
        var perRun = await Task.WhenAll(waiting.Select(summary => TasksOf(summary.RunId, caller, grains)));
        return TypedResults.Ok<IReadOnlyList<OpenTaskItem>>([.. perRun.SelectMany(items => items)]);
    }

    private static async Task<IReadOnlyList<OpenTaskItem>> TasksOf(string runId, Actor caller, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IPipelineRunGrain>(runId);
        var view = await grain.GetView();
        var mine = view.OpenTasks.Where(t => t.CandidateRoles.Any(caller.HasRole)).ToList();
        if (view.Status != RunStatus.WaitingForUser || mine.Count == 0)
        {
            // The index lags the grain a little: a run decided since it was listed has nothing left to do.
            return [];
        }

        var facts = await grain.GetGateFacts();
        var selfInvolved = Same(caller, facts.Submitter) || Same(caller, facts.Trainer);
        return [.. mine.Select(task => new OpenTaskItem(
            view.RunId,
            view.Workflow?.WorkflowId,
            task.TaskId,
            task.Name,
            task.CandidateRoles,
            task.DueAt,
            view.StartedBy?.Id,
            view.StartedAt,
            view.Model,
            selfInvolved))];
    }

    private static bool Same(Actor caller, Actor? other) =>
        other is not null && string.Equals(caller.Id, other.Id, StringComparison.OrdinalIgnoreCase);
}

/// <summary>An open user task the caller is a candidate for; <see cref="SelfInvolved"/>: they submitted or trained its run and may not complete it.</summary>
public sealed record OpenTaskItem(
    string RunId,
    string? WorkflowId,
    string TaskId,
    string? Name,
    ImmutableArray<string> CandidateRoles,
    DateTimeOffset? DueAt,
    string? StartedBy,
    DateTimeOffset? StartedAt,
    ModelVersionKey? Model,
    bool SelfInvolved);
