using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions.ExternalTasks;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Grains.ExternalTasks;
using OrleansMlops.Host.Identity;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.ExternalTasks.Contract;
using WireJobView = OrleansMlops.ExternalTasks.Contract.ExternalJobView;
using WireLockedJob = OrleansMlops.ExternalTasks.Contract.LockedJob;
using QueueErrorCode = OrleansMlops.Abstractions.ExternalTasks.ExternalTaskErrorCode;

namespace OrleansMlops.Host.Api.ExternalTasks;

/// <summary>
/// External workers, in any language: fetch and lock jobs by topic (long polling), extend the lock, complete with
/// results or fail with retries. A lock that expires returns the job to its topic; a repeated completion by the same
/// worker is acknowledged and not applied twice. The bodies are OrleansMlops.ExternalTasks.Contract's, which the worker
/// library sends.
/// </summary>
public static class ExternalTasksApi
{
    public const int MaxLongPollMs = 30_000;

    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static RouteGroupBuilder MapExternalTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/external-tasks").WithTags("External tasks");
        group.MapPost("/fetch-and-lock", FetchAndLock).RequirePermission(Permission.WorkExternalTasks);
        group.MapGet("/{topic}/{jobId}", Find).RequirePermission(Permission.WorkExternalTasks);
        group.MapPost("/{topic}/{jobId}/complete", Complete).RequirePermission(Permission.WorkExternalTasks);
        group.MapPost("/{topic}/{jobId}/failure", Fail).RequirePermission(Permission.WorkExternalTasks);
        group.MapPost("/{topic}/{jobId}/extend-lock", ExtendLock).RequirePermission(Permission.WorkExternalTasks);
        return group;
    }

    private static async Task<Results<Ok<ImmutableArray<WireLockedJob>>, ProblemHttpResult>> FetchAndLock(
        FetchAndLockBody body, HttpRequest request, IGrainFactory grains, TimeProvider time)
    {
        if (body.Topics is not { Length: > 0 } topics || topics.Any(string.IsNullOrWhiteSpace))
        {
            return ApiProblems.BadRequest("topics must name at least one topic.", "topics");
        }

        // Checked here, not only by each topic's queue: a maxTasks below 1 would lock nothing and answer an empty 200.
        if (body.MaxTasks is < 1 or > ExternalTaskQueueGrain.MaxJobsPerFetch)
        {
            return Invalid($"maxTasks must be 1 to {ExternalTaskQueueGrain.MaxJobsPerFetch}; got {body.MaxTasks}.", "maxTasks");
        }

        if (LockDurationProblem(body.LockDurationMs, "lockDurationMs") is { } badLockDuration)
        {
            return badLockDuration;
        }

        var wait = TimeSpan.FromMilliseconds(Math.Clamp(body.AsyncResponseTimeoutMs ?? 0, 0, MaxLongPollMs));
        var max = body.MaxTasks ?? 1;
        var lockDuration = TimeSpan.FromMilliseconds(body.LockDurationMs ?? 300_000);
        var deadline = time.GetUtcNow() + wait;
        try
        {
            while (true)
            {
                var locked = ImmutableArray.CreateBuilder<WireLockedJob>();
                foreach (var topic in topics.Distinct(StringComparer.Ordinal))
                {
                    if (locked.Count < max)
                    {
                        var fetched = await grains.GetGrain<IExternalTaskQueueGrain>(topic).FetchAndLock(LockOwner.Of(Caller.Of(request), body.WorkerId), max - locked.Count, lockDuration);
                        locked.AddRange(fetched.Select(WireJobs.ToWire));
                    }
                }

                if (locked.Count > 0 || time.GetUtcNow() >= deadline)
                {
                    return TypedResults.Ok(locked.ToImmutable());
                }

                await Task.Delay(PollInterval, time, request.HttpContext.RequestAborted);
            }
        }
        catch (ExternalTaskException e)
        {
            return ApiProblems.From(e);
        }
        catch (OperationCanceledException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The worker hung up while waiting; nothing was locked for it in this round.
            return TypedResults.Ok(ImmutableArray<WireLockedJob>.Empty);
        }
    }

    private static async Task<Results<Ok<WireJobView>, ProblemHttpResult>> Find(string topic, string jobId, IGrainFactory grains) =>
        await grains.GetGrain<IExternalTaskQueueGrain>(topic).Find(jobId) is { } view
            ? TypedResults.Ok(view.ToWire())
            : ApiProblems.NotFound($"Topic '{topic}' has no job '{jobId}'.");

    private static async Task<Results<Ok<CompletionAnswer>, ProblemHttpResult>> Complete(
        string topic, string jobId, CompleteJobBody body, HttpRequest request, IGrainFactory grains)
    {
        var (variables, error) = VariableConversion.From(body.Variables);
        if (error is not null)
        {
            return ApiProblems.BadRequest(error, "variables");
        }

        if (body.Metrics?.FirstOrDefault(m => !double.IsFinite(m.Value)) is { Key: { } metric })
        {
            return ApiProblems.BadRequest($"metric '{metric}' must be a finite number.", "metrics");
        }

        var completion = new JobCompletion(
            LockOwner.Of(Caller.Of(request), body.WorkerId),
            variables,
            (body.Metrics ?? []).ToImmutableDictionary(StringComparer.Ordinal),
            body.Artifact?.Uri,
            body.Artifact?.Sha256,
            (body.Datasets ?? []).ToImmutableDictionary(StringComparer.Ordinal),
            body.Log)
        {
            Model = body.Model is { } model ? ModelOf(model) : null,
        };
        try
        {
            var outcome = await grains.GetGrain<IExternalTaskQueueGrain>(topic).Complete(jobId, completion);
            return TypedResults.Ok(new CompletionAnswer(jobId, outcome == JobCompletionOutcome.Applied ? CompletionOutcome.Applied : CompletionOutcome.AlreadyCompleted));
        }
        catch (ExternalTaskException e)
        {
            return ApiProblems.From(e);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Fail(
        string topic, string jobId, FailJobBody body, HttpRequest request, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(body.ErrorMessage))
        {
            return ApiProblems.BadRequest("errorMessage is required: say what went wrong.", "errorMessage");
        }

        try
        {
            await grains.GetGrain<IExternalTaskQueueGrain>(topic).Fail(
                jobId, LockOwner.Of(Caller.Of(request), body.WorkerId), body.ErrorMessage, body.Retries ?? 0, TimeSpan.FromMilliseconds(body.RetryTimeoutMs ?? 0));
            return TypedResults.NoContent();
        }
        catch (ExternalTaskException e)
        {
            return ApiProblems.From(e);
        }
    }

    private static async Task<Results<Ok<WireLockedJob>, ProblemHttpResult>> ExtendLock(
        string topic, string jobId, ExtendLockBody body, HttpRequest request, IGrainFactory grains)
    {
        if (LockDurationProblem(body.NewDurationMs ?? 0, "newDurationMs") is { } badLockDuration)
        {
            return badLockDuration;
        }

        try
        {
            var locked = await grains.GetGrain<IExternalTaskQueueGrain>(topic)
                .ExtendLock(jobId, LockOwner.Of(Caller.Of(request), body.WorkerId), TimeSpan.FromMilliseconds(body.NewDurationMs ?? 0));
            return TypedResults.Ok(locked.ToWire());
        }
        catch (ExternalTaskException e)
        {
            return ApiProblems.From(e);
        }
    }

    private static ProblemHttpResult? LockDurationProblem(int? milliseconds, string field)
    {
        var max = (long)ExternalTaskQueueGrain.MaxLockDuration.TotalMilliseconds;
        return milliseconds is < 1 || milliseconds > max
            ? Invalid($"The lock duration {field} must be 1 to {max} ({ExternalTaskQueueGrain.MaxLockDuration.TotalHours:0} hours); got {milliseconds}.", field)
            : null;
    }

    // Coded as the queue's own refusals (worker clients tell refusals apart by the code), and naming the field.
    private static ProblemHttpResult Invalid(string message, string field)
    {
        var problem = ApiProblems.Describe(new ExternalTaskException(QueueErrorCode.InvalidRequest, message));
        problem.Extensions["where"] = field;
        return TypedResults.Problem(problem);
    }

    private static ExternalModel ModelOf(ModelBody model) => new(
        model.Name ?? string.Empty,
        model.DatasetId ?? string.Empty,
        model.DatasetVersion ?? string.Empty,
        [.. (model.Files ?? []).Select(f => new DatasetFile(f.Role ?? string.Empty, f.Path ?? string.Empty, f.Sha256?.ToLowerInvariant() ?? string.Empty, f.Rows ?? -1))],
        model.CodeCommit ?? string.Empty,
        (model.Parameters ?? []).ToImmutableDictionary(StringComparer.Ordinal),
        (model.Environment ?? []).ToImmutableDictionary(StringComparer.Ordinal),
        [.. model.ProtectedAttributes ?? []]);
}
