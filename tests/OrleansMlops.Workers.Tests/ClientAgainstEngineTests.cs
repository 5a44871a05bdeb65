using System.Net;
using OrleansMlops.Workers.Tests.Engine;

namespace OrleansMlops.Workers.Tests;

/// <summary>The client's mapping of the engine's answers: outcomes, and problem documents as typed exceptions.</summary>
public sealed class ClientAgainstEngineTests(EngineFactory engine) : IClassFixture<EngineFactory>
{
    private readonly EngineApi _api = new(engine.CreateClient());

    [Fact]
    public async Task Completing_a_job_another_worker_holds_is_a_409_NotLocked_and_after_completion_Ended()
    {
        await _api.PublishExternalStage("client-contested", "test.contested");
        var runId = await _api.StartRun("client-contested", new Dictionary<string, object> { ["segment"] = "retail" });
        var holder = WorkerHost.Client(engine, "worker-a");
        var other = WorkerHost.Client(engine, "worker-b");
        var locked = Assert.Single(await holder.FetchAndLockAsync(["test.contested"], 1, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5)));
        Assert.Equal((runId, "worker-a", (int?)null), (locked.Job.RunId, locked.WorkerId, locked.RetriesLeft));
        Assert.Equal("retail", locked.Job.Variables["segment"].GetString());
        var result = new ExternalTaskResult().WithMetric("gini", 0.5);

        var notLocked = await Assert.ThrowsAsync<ExternalTaskClientException>(() => other.CompleteAsync(locked.Job, result));
        Assert.Equal((HttpStatusCode.Conflict, ExternalTaskErrorCode.NotLocked, "Job not locked by this worker"), (notLocked.Status, notLocked.Code, notLocked.Title));
        Assert.Contains("'worker-a' holds it", notLocked.Detail, StringComparison.Ordinal);
        Assert.True(notLocked.IsJobLost);
        Assert.False(notLocked.IsTransient);

        Assert.Equal(CompletionOutcome.Applied, await holder.CompleteAsync(locked.Job, result));
        Assert.Equal(CompletionOutcome.AlreadyCompleted, await holder.CompleteAsync(locked.Job, result));
        var ended = await Assert.ThrowsAsync<ExternalTaskClientException>(() => other.ExtendLockAsync(locked.Job, TimeSpan.FromMinutes(1)));
        Assert.Equal((HttpStatusCode.Conflict, ExternalTaskErrorCode.Ended), (ended.Status, ended.Code));
    }

    [Fact]
    public async Task Unknown_jobs_bad_requests_and_a_missing_identity_are_typed_problems()
    {
        var client = WorkerHost.Client(engine, "worker-a");
        var ghost = Jobs.Job("test.ghost", "job-none");

        var notFound = await Assert.ThrowsAsync<ExternalTaskClientException>(() => client.FailAsync(ghost, "broken", 1, TimeSpan.Zero));
        Assert.Equal((HttpStatusCode.NotFound, ExternalTaskErrorCode.NotFound), (notFound.Status, notFound.Code));
        Assert.Null(await client.GetJobAsync("test.ghost", "job-none"));

        var invalid = await Assert.ThrowsAsync<ExternalTaskClientException>(() => client.FetchAndLockAsync(["test.ghost"], 1, TimeSpan.FromHours(25), TimeSpan.Zero));
        Assert.Equal((HttpStatusCode.BadRequest, ExternalTaskErrorCode.InvalidRequest), (invalid.Status, invalid.Code));
        Assert.Contains("lock duration", invalid.Detail, StringComparison.Ordinal);

        var anonymous = await Assert.ThrowsAsync<ExternalTaskClientException>(
            () => WorkerHost.Client(engine, "worker-a", user: string.Empty).FetchAndLockAsync(["test.ghost"], 1, TimeSpan.FromMinutes(1), TimeSpan.Zero));
        Assert.Equal((HttpStatusCode.Unauthorized, (ExternalTaskErrorCode?)null), (anonymous.Status, anonymous.Code));
    }
}
