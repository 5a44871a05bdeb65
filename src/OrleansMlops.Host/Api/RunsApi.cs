using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Host.Api.Idempotency;
using OrleansMlops.Host.Identity;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Runs;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Api;

public static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/runs").WithTags("Runs");
        group.MapPost("/", StartRun).RequirePermission(Permission.StartRun).Idempotent();
        group.MapGet("/", ListRuns).RequirePermission(Permission.Read);
        group.MapGet("/{runId}", GetRun).RequirePermission(Permission.Read);
        group.MapPost("/{runId}/tasks/{taskId}", CompleteTask).RequirePermission(Permission.CompleteTask);
        group.MapPost("/{runId}/retry", RetryRun).RequirePermission(Permission.RetryRun);
        group.MapGet("/{runId}/history", ReadHistory).RequirePermission(Permission.Read);
        group.MapGet("/{runId}/audit", ReadAudit).RequirePermission(Permission.ReadAudit);
        group.MapGet("/{runId}/audit/verify", VerifyAudit).RequirePermission(Permission.Read);
        return group;
    }

    private static async Task<Results<Created<RunView>, ProblemHttpResult>> StartRun(
        StartRunBody body, HttpRequest request, IGrainFactory grains, TimeProvider time)
    {
        var caller = Caller.Of(request);

        if (string.IsNullOrWhiteSpace(body.WorkflowId))
        {
            return ApiProblems.BadRequest("workflowId is required.", "workflowId");
        }

        if (body.RunId is { } requested && !RunIds.IsValid(requested))
        {
            return ApiProblems.BadRequest($"runId '{requested}' must be 1 to {RunIds.MaxLength} letters, digits, '-' or '_'.", "runId");
        }

        if (body.RunId is { } chosen && RunIdCase.Problem(chosen) is { } badCase)
        {
            return ApiProblems.BadRequest($"runId: {badCase}", "runId");
        }

        var (parameters, error) = VariableConversion.From(body.Parameters);
        if (error is not null)
        {
            return ApiProblems.BadRequest(error, "parameters");
        }

        var runId = body.RunId ?? RunIds.New(request, time.GetUtcNow());
        try
        {
            var view = await grains.GetGrain<IPipelineRunGrain>(runId)
                .Start(new StartRunRequest(body.WorkflowId, body.Version, parameters, caller));
            return TypedResults.Created($"/api/runs/{runId}", view);
        }
        catch (RunException e)
        {
            return ApiProblems.From(e);
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<RunSummary>>, ProblemHttpResult>> ListRuns(
        IRunIndex index, string? workflowId, string? status, int? limit, CancellationToken cancellationToken)
    {
        RunStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<RunStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ApiProblems.BadRequest(
                    $"status '{status}' is not one of {string.Join(", ", Enum.GetNames<RunStatus>())}.", "status");
            }

            wanted = parsed;
        }

        if (QueryLimit.Problem(limit, RunListLimit.Max) is { } badLimit)
        {
            return badLimit;
        }

        return TypedResults.Ok(await index.ListAsync(new RunQuery(workflowId, wanted, limit ?? 100), cancellationToken));
    }

    private static async Task<Results<Ok<RunView>, ProblemHttpResult>> GetRun(string runId, IGrainFactory grains)
    {
        if (!RunIds.IsValid(runId))
        {
            return ApiProblems.NotFound($"Run '{runId}' does not exist.");
        }

        var view = await grains.GetGrain<IPipelineRunGrain>(runId).GetView();
        return view.Status == RunStatus.NotStarted
            ? ApiProblems.NotFound($"Run '{runId}' does not exist.")
            : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<RunView>, ProblemHttpResult>> CompleteTask(
        string runId, string taskId, CompleteTaskBody body, HttpRequest request, IGrainFactory grains)
    {
        var caller = Caller.Of(request);

        if (!Enum.TryParse<TaskDecision>(body.Decision, ignoreCase: true, out var decision) || !Enum.IsDefined(decision))
        {
            return ApiProblems.BadRequest($"decision must be 'approve' or 'reject'; got '{body.Decision}'.", "decision");
        }

        if (body.Comment is { Length: > 4_000 })
        {
            return ApiProblems.BadRequest("comment is longer than 4000 characters.", "comment");
        }

        if (decision == TaskDecision.Reject && string.IsNullOrWhiteSpace(body.Comment))
        {
            return ApiProblems.BadRequest("comment is required to reject a task: say why it is rejected.", "comment");
        }

        return await Call(runId, grain => grain.CompleteTask(new CompleteTaskRequest(taskId, decision, caller, body.Comment)), grains);
    }

    private static Task<Results<Ok<RunView>, ProblemHttpResult>> RetryRun(string runId, HttpRequest request, IGrainFactory grains) =>
        Call(runId, grain => grain.Retry(Caller.Of(request)), grains);

    /// <summary>A page of the run's transitions, oldest first: a view carries only the latest ones.</summary>
    private static async Task<Results<Ok<ImmutableArray<HistoryEntry>>, ProblemHttpResult>> ReadHistory(
        string runId, IGrainFactory grains, long after = 0, int limit = 200)
    {
        if (!RunIds.IsValid(runId))
        {
            return ApiProblems.NotFound($"Run '{runId}' does not exist.");
        }

        try
        {
            return TypedResults.Ok(await grains.GetGrain<IPipelineRunGrain>(runId).GetHistory(after, limit));
        }
        catch (RunException e)
        {
            return ApiProblems.From(e);
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditRecord>>, ProblemHttpResult>> ReadAudit(
        string runId, IAuditStore audit, CancellationToken cancellationToken)
    {
        var records = await audit.ReadAsync(runId, cancellationToken);
        return records.Count == 0 ? ApiProblems.NotFound($"Run '{runId}' has no audit records.") : TypedResults.Ok(records);
    }

    private static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> VerifyAudit(string runId, IGrainFactory grains)
    {
        if (!RunIds.IsValid(runId))
        {
            return ApiProblems.NotFound($"Run '{runId}' does not exist.");
        }

        try
        {
            return TypedResults.Ok(await grains.GetGrain<IPipelineRunGrain>(runId).VerifyAudit());
        }
        catch (RunException e)
        {
            return ApiProblems.From(e);
        }
    }

    private static async Task<Results<Ok<RunView>, ProblemHttpResult>> Call(
        string runId, Func<IPipelineRunGrain, Task<RunView>> command, IGrainFactory grains)
    {
        if (!RunIds.IsValid(runId))
        {
            return ApiProblems.NotFound($"Run '{runId}' does not exist.");
        }

        try
        {
            return TypedResults.Ok(await command(grains.GetGrain<IPipelineRunGrain>(runId)));
        }
        catch (RunException e)
        {
            return ApiProblems.From(e);
        }
    }
}
