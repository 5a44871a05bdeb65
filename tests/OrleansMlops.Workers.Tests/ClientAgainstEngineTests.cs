using System.Net;
using OrleansMlops.Workers.Tests.Engine;

namespace OrleansMlops.Workers.Tests;

/// <summary>The client's mapping of the engine's answers: outcomes, and problem documents as typed exceptions.</summary>
public sealed class ClientAgainstEngineTests(EngineFactory engine) : IClassFixture<EngineFactory>
{
    private readonly EngineApi _api = new(engine);

    [Fact]
    public async Task Completing_a_job_another_worker_holds_is_a_409_NotLocked_and_after_completion_Ended()
    {
        await _api.PublishExternalStage("client-contested", "test.contested");
        var runId = await _api.StartRun("client-contested", new Dictionary<string, object> { ["segment"] = "retail" });
        var holder = WorkerHost.Client(engine, "worker-a");
        var other = WorkerHost.Client(engine, "worker-b");
        var locked = Assert.Single(await holder.FetchAndLockAsync(["test.contested"], 1, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5)));
        Assert.Equal((runId, "svc/worker-a", (int?)null), (locked.Job.RunId, locked.WorkerId, locked.RetriesLeft));
        Assert.Equal("retail", locked.Job.Variables["segment"].GetString());
        var result = new ExternalTaskResult().WithMetric("gini", 0.5);

        var notLocked = await Assert.ThrowsAsync<ExternalTaskClientException>(() => other.CompleteAsync(locked.Job, result));
        Assert.Equal((HttpStatusCode.Conflict, ExternalTaskErrorCode.NotLocked, "Job not locked by this worker"), (notLocked.Status, notLocked.Code, notLocked.Title));
        Assert.Contains("'svc/worker-a' holds it", notLocked.Detail, StringComparison.Ordinal);
        Assert.True(notLocked.IsJobLost);
        Assert.False(notLocked.IsTransient);

        Assert.Equal(CompletionOutcome.Applied, await holder.CompleteAsync(locked.Job, result));
        Assert.Equal(CompletionOutcome.AlreadyCompleted, await holder.CompleteAsync(locked.Job, result));
        var ended = await Assert.ThrowsAsync<ExternalTaskClientException>(() => other.ExtendLockAsync(locked.Job, TimeSpan.FromMinutes(1)));
        Assert.Equal((HttpStatusCode.Conflict, ExternalTaskErrorCode.Ended), (ended.Status, ended.Code));
    }

    [Fact]
    public async Task Unknown_jobs_and_bad_requests_are_typed_problems()
    {
        var client = WorkerHost.Client(engine, "worker-a");
        var ghost = Jobs.Job("test.ghost", "job-none");

        var notFound = await Assert.ThrowsAsync<ExternalTaskClientException>(() => client.FailAsync(ghost, "broken", 1, TimeSpan.Zero));
        Assert.Equal((HttpStatusCode.NotFound, ExternalTaskErrorCode.NotFound), (notFound.Status, notFound.Code));
        Assert.Null(await client.GetJobAsync("test.ghost", "job-none"));

        var invalid = await Assert.ThrowsAsync<ExternalTaskClientException>(() => client.FetchAndLockAsync(["test.ghost"], 1, TimeSpan.FromHours(25), TimeSpan.Zero));
        Assert.Equal((HttpStatusCode.BadRequest, ExternalTaskErrorCode.InvalidRequest), (invalid.Status, invalid.Code));
        Assert.Contains("lock duration", invalid.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_401_and_a_service_without_the_worker_role_a_403_both_problem_documents()
    {
        var wrongKey = OrleansMlops.Host.Identity.ApiKeys.Generate();
        var unknown = await Assert.ThrowsAsync<ExternalTaskClientException>(
            () => WorkerHost.Client(engine, "worker-a", wrongKey).FetchAndLockAsync(["test.ghost"], 1, TimeSpan.FromMinutes(1), TimeSpan.Zero));
        Assert.Equal((HttpStatusCode.Unauthorized, "Not signed in", (ExternalTaskErrorCode?)null), (unknown.Status, unknown.Title, unknown.Code));
        Assert.Contains("API key was refused", unknown.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, unknown.ToString(), StringComparison.Ordinal);

        // The monitoring service signs in with a valid key, but its role does not allow working external tasks.
        var monitoringKey = engine.DevelopmentKey("credit-monitoring-service");
        var forbidden = await Assert.ThrowsAsync<ExternalTaskClientException>(
            () => WorkerHost.Client(engine, "worker-a", monitoringKey).FetchAndLockAsync(["test.ghost"], 1, TimeSpan.FromMinutes(1), TimeSpan.Zero));
        Assert.Equal((HttpStatusCode.Forbidden, "Not permitted", (ExternalTaskErrorCode?)null), (forbidden.Status, forbidden.Title, forbidden.Code));
        Assert.Contains("credit-monitoring-service", forbidden.Detail, StringComparison.Ordinal);
        Assert.Contains("worker", forbidden.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(monitoringKey, forbidden.ToString(), StringComparison.Ordinal);
        Assert.False(unknown.IsTransient || forbidden.IsTransient);
    }
}
