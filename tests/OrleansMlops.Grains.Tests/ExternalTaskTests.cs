using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.ExternalTasks;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Testing;

namespace OrleansMlops.Grains.Tests;

/// <summary>
/// Stages done by external workers (a task with mlops:topic): fetch and lock, complete once, lock expiry, retries,
/// and a job that survives a crash.
/// </summary>
public sealed class ExternalTaskTests : IAsyncLifetime
{
    private const string Topic = "python.scoring";
    private static readonly TimeSpan Lock = TimeSpan.FromMinutes(1);

    private readonly EngineSetup _setup = new();
    private EngineCluster _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineCluster.StartAsync(_setup);
        await _engine.PublishAsync("external", Path.Combine(AppContext.BaseDirectory, "Bpmn", "external.bpmn"));
        await _engine.PublishAsync("external-train", Path.Combine(AppContext.BaseDirectory, "Bpmn", "external-train.bpmn"));
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _setup.Dispose();
    }

    private IExternalTaskQueueGrain Queue => _engine.Client.GetGrain<IExternalTaskQueueGrain>(Topic);

    [Fact]
    public async Task A_worker_fetches_the_job_completes_it_once_and_the_run_moves_on_with_its_results()
    {
        var started = await Start("run-ext");
        Assert.Equal(RunStatus.WaitingForWorker, started.Status);

        var job = Assert.Single(await FetchOnceEnqueued("py-worker-1"));
        Assert.Equal(("run-ext", "score", 0, "py-worker-1"), (job.Job.RunId, job.Job.Stage, job.Job.Attempt, job.WorkerId));
        Assert.Equal("credit", job.Job.Variables["portfolio"].Text);
        Assert.Empty(await Fetch("py-worker-2"));

        var first = await Queue.Complete(job.Job.JobId, Completion("py-worker-1", auc: 0.81));
        var second = await Queue.Complete(job.Job.JobId, Completion("py-worker-1", auc: 0.99));

        Assert.Equal((JobCompletionOutcome.Applied, JobCompletionOutcome.AlreadyCompleted), (first, second));
        var run = await _engine.Client.Run("run-ext").GetView();
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(0.81, run.Variables["auc"].Number);
        Assert.Equal(new string('a', 64), run.Variables["artifact.sha256"].Text);
        Assert.Equal("2026-10", run.Variables["dataset.credit-applicants"].Text);
        var completed = Assert.Single(run.History, h => h.Kind == "stage.completed");
        Assert.Equal("py-worker-1", completed.Actor);
        Assert.Equal(["run.started", "gate.allowed", "job.created", "stage.completed"], run.History.Select(h => h.Kind));
        Assert.True((await _engine.Client.Run("run-ext").VerifyAudit()).Valid);
    }

    [Fact]
    public async Task An_expired_lock_returns_the_job_and_the_first_worker_can_no_longer_complete_it()
    {
        await Start("run-lock");
        var job = Assert.Single(await FetchOnceEnqueued("slow-worker")).Job;
        var extended = await Queue.ExtendLock(job.JobId, "slow-worker", TimeSpan.FromMinutes(2));
        _setup.Clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Empty(await Fetch("fast-worker"));
        _setup.Clock.Advance(TimeSpan.FromMinutes(1));

        var taken = Assert.Single(await Fetch("fast-worker"));
        var late = await Assert.ThrowsAsync<ExternalTaskException>(() => Queue.Complete(job.JobId, Completion("slow-worker", auc: 0.7)));
        await Queue.Complete(job.JobId, Completion("fast-worker", auc: 0.8));

        Assert.Equal(job.JobId, taken.Job.JobId);
        Assert.Equal(_setup.Clock.GetUtcNow() - TimeSpan.FromMinutes(2.5) + TimeSpan.FromMinutes(2), extended.LockExpiresAt);
        Assert.Equal(ExternalTaskErrorCode.NotLocked, late.Code);
        Assert.Contains("'fast-worker' holds it", late.Message, StringComparison.Ordinal);
        Assert.Equal(0.8, (await _engine.Client.Run("run-lock").GetView()).Variables["auc"].Number);
    }

    [Fact]
    public async Task A_worker_retry_waits_its_back_off_and_a_final_failure_makes_the_run_retry_the_stage_with_a_new_job()
    {
        await Start("run-retry");
        var job = Assert.Single(await FetchOnceEnqueued("w")).Job;

        await Queue.Fail(job.JobId, "w", "GPU out of memory", retries: 1, TimeSpan.FromSeconds(30));
        Assert.Empty(await Fetch("w"));
        _setup.Clock.Advance(TimeSpan.FromSeconds(31));
        var again = Assert.Single(await Fetch("w"));
        Assert.Equal((job.JobId, (int?)1), (again.Job.JobId, again.RetriesLeft));

        // The job had one retry left; asking for five again gets none: the count only goes down, and the job fails.
        await Queue.Fail(job.JobId, "w", "GPU out of memory again", retries: 5, TimeSpan.Zero);

        var run = await _engine.Client.Run("run-retry").GetView();
        Assert.Contains(run.History, h => h.Kind == "stage.failed" && h.Summary.Contains("GPU out of memory again", StringComparison.Ordinal));
        Assert.Equal(ExternalJobState.Failed, (await Queue.Find(job.JobId))!.State);

        // The BPMN allows one retry of the stage after 10 s: a new attempt, a new job.
        Assert.Equal(RunStatus.WaitingForTimer, run.Status);
        _setup.Clock.Advance(TimeSpan.FromSeconds(11));
        var retried = await Eventually.Until(
            () => _engine.Client.Run("run-retry").GetView(), v => v.Status == RunStatus.WaitingForWorker, what: "the retried stage's new job");
        Assert.Equal(2, retried.History.Count(h => h.Kind == "job.created"));
        var next = Assert.Single(await FetchOnceEnqueued("w"));
        Assert.Equal(1, next.Job.Attempt);
        Assert.NotEqual(job.JobId, next.Job.JobId);
    }

    [Fact]
    public async Task A_job_survives_a_crash_of_the_engine()
    {
        await Start("run-crash");

        _engine = await _engine.CrashAndRestartAsync();

        var job = Assert.Single(await FetchOnceEnqueued("w-after-crash"));
        await Queue.Complete(job.Job.JobId, Completion("w-after-crash", auc: 0.75));
        Assert.Equal(RunStatus.Completed, (await _engine.Client.Run("run-crash").GetView()).Status);
    }

    [Fact]
    public async Task A_model_trained_by_a_worker_is_registered_with_the_lineage_the_worker_captured()
    {
        await _engine.Client.Run("run-spark").Start(new StartRunRequest(
            "external-train", null, CreditRuns.Parameters.Add("tags", Variable.Of("spark")), Actors.Alice));
        var spark = _engine.Client.GetGrain<IExternalTaskQueueGrain>("spark.train");
        var job = Assert.Single(await Eventually.Until(() => spark.FetchAndLock("spark-1", 1, Lock), j => j.Length > 0, what: "the training job")).Job;
        var model = new ExternalModel(
            "credit-risk-spark",
            "credit-applicants",
            "2026-10",
            [new("train", "s3://data/credit/train.parquet", new string('b', 64), 120_000), new("test", "s3://data/credit/test.parquet", new string('c', 64), 30_000)],
            "9c1d2e3f4a5b",
            ImmutableDictionary<string, string>.Empty.Add("maxDepth", "6"),
            ImmutableDictionary<string, string>.Empty.Add("spark", "3.5.1"),
            ["age"]);
        var broken = Completion("spark-1", auc: 0.83) with { Model = model with { Files = [] } };

        var refusal = await Assert.ThrowsAsync<ExternalTaskException>(() => spark.Complete(job.JobId, broken));
        await spark.Complete(job.JobId, Completion("spark-1", auc: 0.83) with { Model = model });

        Assert.Equal(ExternalTaskErrorCode.InvalidRequest, refusal.Code);
        Assert.Contains("role \"train\"", refusal.Message, StringComparison.Ordinal);
        var run = await _engine.Client.Run("run-spark").GetView();
        Assert.Equal(RunStatus.Completed, run.Status);
        var version = await _engine.Client.ModelOf(run);
        Assert.Equal(("credit-risk-spark", 1), (version.Key.Name, version.Key.Version));
        Assert.Equal(new string('a', 64), version.Registration.ArtifactSha256);
        Assert.Equal(("credit-applicants", "2026-10", "9c1d2e3f4a5b", "alice"), (version.Registration.Lineage.DatasetId, version.Registration.Lineage.DatasetVersion, version.Registration.Lineage.CodeCommit, version.Registration.Lineage.TrainedBy));
        Assert.Equal("spark-1", version.Registration.Lineage.Parameters["worker"]);
        Assert.Equal(0.83, version.Registration.TrainingMetrics["auc"]);
        Assert.Equal(("head-of-retail-credit", "high"), (version.Registration.Owner, version.Registration.RiskClass));
        Assert.Equal(["spark"], version.Registration.Tags.AsEnumerable());
    }

    [Fact]
    public async Task Delivered_jobs_are_kept_a_week_to_recognise_duplicates_then_pruned()
    {
        await Start("run-old");
        var old = Assert.Single(await FetchOnceEnqueued("w")).Job;
        await Queue.Complete(old.JobId, Completion("w", auc: 0.7));

        _setup.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(JobCompletionOutcome.AlreadyCompleted, await Queue.Complete(old.JobId, Completion("w", auc: 0.7)));
        _setup.Clock.Advance(TimeSpan.FromDays(2));
        await Start("run-new");
        Assert.Single(await FetchOnceEnqueued("w"));

        Assert.Null(await Queue.Find(old.JobId));
        Assert.Equal(RunStatus.Completed, (await _engine.Client.Run("run-old").GetView()).Status);
    }

    [Fact]
    public async Task Commands_for_unknown_jobs_or_without_the_lock_are_refused_naming_why()
    {
        await Start("run-refusals");

        var unknown = await Assert.ThrowsAsync<ExternalTaskException>(() => Queue.Complete("job-none", Completion("w", auc: 0.5)));
        var job = Assert.Single(await FetchOnceEnqueued("holder")).Job;
        var stranger = await Assert.ThrowsAsync<ExternalTaskException>(() => Queue.Fail(job.JobId, "stranger", "no", 0, TimeSpan.Zero));
        var badLock = await Assert.ThrowsAsync<ExternalTaskException>(() => Queue.FetchAndLock("w", 1, TimeSpan.Zero));

        Assert.Equal(ExternalTaskErrorCode.NotFound, unknown.Code);
        Assert.Equal(ExternalTaskErrorCode.NotLocked, stranger.Code);
        Assert.Equal(ExternalTaskErrorCode.InvalidRequest, badLock.Code);
        Assert.Equal(RunStatus.WaitingForWorker, (await _engine.Client.Run("run-refusals").GetView()).Status);
    }

    private Task<RunView> Start(string runId) => _engine.Client.Run(runId).Start(new StartRunRequest(
        "external",
        null,
        ImmutableDictionary<string, Variable>.Empty.Add("portfolio", Variable.Of("credit")),
        Actors.Alice));

    private Task<ImmutableArray<LockedJob>> Fetch(string worker) => Queue.FetchAndLock(worker, 5, Lock);

    /// <summary>Runs enqueue one-way, so a job reaches its queue shortly after the run records it: poll, as workers do.</summary>
    private Task<ImmutableArray<LockedJob>> FetchOnceEnqueued(string worker) =>
        Eventually.Until(() => Fetch(worker), jobs => jobs.Length > 0, what: $"a job for {worker}");

    private static JobCompletion Completion(string worker, double auc) => new(
        worker,
        ImmutableDictionary<string, Variable>.Empty.Add("scoredBy", Variable.Of(worker)),
        ImmutableDictionary<string, double>.Empty.Add("auc", auc),
        "s3://models/credit/model.onnx",
        new string('a', 64),
        ImmutableDictionary<string, string>.Empty.Add("credit-applicants", "2026-10"),
        "epoch 10/10 done");
}
