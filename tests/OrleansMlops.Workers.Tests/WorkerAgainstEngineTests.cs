using Microsoft.Extensions.DependencyInjection;
using OrleansMlops.SampleWorker;
using OrleansMlops.Workers.Tests.Engine;
using OrleansMlops.Testing;
using OrleansMlops.Workers.Tests.Handlers;

namespace OrleansMlops.Workers.Tests;

/// <summary>The worker library as a deployed worker uses it, against the real engine: jobs done, failed, held.</summary>
public sealed class WorkerAgainstEngineTests(EngineFactory engine) : IClassFixture<EngineFactory>
{
    private readonly EngineApi _api = new(engine);

    [Fact]
    public async Task The_sample_worker_backtests_the_runs_scores_and_the_run_completes_with_its_metrics()
    {
        await _api.PublishExternalStage("worker-backtest", BacktestHandler.TopicName);
        var runId = await _api.StartRun("worker-backtest", new Dictionary<string, object>
        {
            ["backtest.probabilities"] = "0.1,0.2,0.3,0.4",
            ["backtest.outcomes"] = "0,1,0,1",
        });

        var logs = new LogCapture();
        using var worker = await WorkerHost.Start(engine, o => o.WorkerId = "backtest-worker", s => s.AddExternalTaskHandler<BacktestHandler>(), logs: logs);
        var run = await _api.RunEnded(runId);
        await worker.StopAsync();

        // Logged down to Trace (each request's headers included), the key itself never is.
        Assert.Contains(logs.Entries, m => m.Contains(ExternalTaskClient.ApiKeyHeader, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, m => m.Contains(engine.DevelopmentKey(WorkerHost.Service), StringComparison.Ordinal));

        Assert.Equal("completed", run.GetProperty("status").GetString());
        var variables = run.GetProperty("variables");

        // Defaulted loans score 0.2 and 0.4, repaid ones 0.1 and 0.3: 3 of the 4 pairs are ranked right.
        Assert.Equal(0.75, variables.GetProperty("backtest.auc").GetDouble(), 12);
        Assert.Equal(0.5, variables.GetProperty("backtest.gini").GetDouble(), 12);
        Assert.Equal((0.01 + 0.64 + 0.09 + 0.36) / 4, variables.GetProperty("backtest.brier").GetDouble(), 12);
        Assert.Equal(0.5, variables.GetProperty("backtest.observedDefaultRate").GetDouble(), 12);
        Assert.Equal(0.25, variables.GetProperty("backtest.expectedDefaultRate").GetDouble(), 12);
        Assert.Equal(4, variables.GetProperty("backtest.samples").GetDouble());
        Assert.True(variables.GetProperty("backtest.calibrated").GetBoolean());
    }

    [Fact]
    public async Task A_worker_that_trains_registers_its_model_with_the_lineage_and_artifact_it_reports()
    {
        await _api.PublishExternalStage("worker-train", "test.train", stage: "train");
        var runId = await _api.StartRun("worker-train", new Dictionary<string, object>
        {
            ["purpose"] = "creditworthiness assessment of retail loan applicants",
            ["riskClass"] = "high",
            ["owner"] = "head-of-retail-credit",
            ["tier"] = "1",
        });

        using var worker = await WorkerHost.Start(engine, o => o.WorkerId = "train-worker", s => s.AddSingleton<IExternalTaskHandler>(new TrainingHandler("test.train")));
        var run = await _api.RunEnded(runId);
        await worker.StopAsync();

        Assert.Equal("completed", run.GetProperty("status").GetString());
        var version = await _api.ModelVersion(TrainingHandler.ModelName, 1);
        Assert.Equal(runId, version.GetProperty("ownerRunId").GetString());
        var registration = version.GetProperty("registration");
        Assert.Equal(
            ("s3://models/credit/worker.onnx", TrainingHandler.ArtifactSha256, "high", 0.81),
            (registration.GetProperty("artifactUri").GetString(), registration.GetProperty("artifactSha256").GetString(),
             registration.GetProperty("riskClass").GetString(), registration.GetProperty("trainingMetrics").GetProperty("auc").GetDouble()));
        var lineage = registration.GetProperty("lineage");
        Assert.Equal(
            ("credit-applicants", "2026-10", "9c1d2e3f4a5b", "200", "3.12"),
            (lineage.GetProperty("datasetId").GetString(), lineage.GetProperty("datasetVersion").GetString(), lineage.GetProperty("codeCommit").GetString(),
             lineage.GetProperty("parameters").GetProperty("trees").GetString(), lineage.GetProperty("environment").GetProperty("python").GetString()));
        var file = Assert.Single(lineage.GetProperty("files").EnumerateArray());
        Assert.Equal(("train", TrainingHandler.TrainFileSha256, 120_000), (file.GetProperty("role").GetString(), file.GetProperty("sha256").GetString(), file.GetProperty("rows").GetInt64()));
    }

    [Fact]
    public async Task A_handler_that_throws_is_reported_with_decreasing_retries_until_the_stage_and_the_run_fail()
    {
        await _api.PublishExternalStage("worker-failing", "test.failing");
        var runId = await _api.StartRun("worker-failing", new Dictionary<string, object> { ["segment"] = "retail" });
        var handler = new FailingHandler("test.failing");

        using var worker = await WorkerHost.Start(engine, o =>
        {
            o.WorkerId = "failing-worker";
            o.MaxRetries = 2;
        }, s => s.AddSingleton<IExternalTaskHandler>(handler));
        var run = await _api.RunEnded(runId);
        await worker.StopAsync();

        Assert.Equal("failed", run.GetProperty("status").GetString());

        // The first report grants 2 retries, the second 1, the third none: three attempts of one job.
        Assert.Equal([null, 2, 1], handler.Seen.Select(c => c.RetriesLeft));
        var job = Assert.Single(handler.Seen.Select(c => c.Job.JobId).Distinct());
        var view = await WorkerHost.Client(engine, "observer").GetJobAsync("test.failing", job);
        Assert.NotNull(view);
        Assert.Equal((ExternalJobState.Failed, 0), (view.State, view.RetriesLeft));
        Assert.Contains("did not converge", view.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_slower_than_the_lock_keeps_its_job_because_the_worker_extends_the_lock()
    {
        await _api.PublishExternalStage("worker-slow", "test.slow");
        var runId = await _api.StartRun("worker-slow", new Dictionary<string, object> { ["segment"] = "retail" });
        var handler = new SlowHandler("test.slow", TimeSpan.FromSeconds(3));
        var requests = new RequestLog();

        using var worker = await WorkerHost.Start(engine, o =>
        {
            o.WorkerId = "slow-worker";
            o.LockDuration = TimeSpan.FromSeconds(2);
        }, s => s.AddSingleton<IExternalTaskHandler>(handler), requests);
        var context = await handler.Started.WaitAsync(TimeSpan.FromSeconds(10));

        // Another worker polls past the moment the first lock would have run out (2 s): it gets nothing.
        var thief = WorkerHost.Client(engine, "thief-worker");
        var stolen = await thief.FetchAndLockAsync(["test.slow"], 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2.5));
        var run = await _api.RunEnded(runId);
        await worker.StopAsync();

        Assert.Empty(stolen);
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal(3, run.GetProperty("variables").GetProperty("slow.seconds").GetDouble());
        Assert.True(requests.Count("/extend-lock") >= 2, string.Join('\n', requests.All));
        var view = await thief.GetJobAsync("test.slow", context.Job.JobId);
        Assert.Equal((ExternalJobState.Completed, "sample-worker/slow-worker"), (view!.State, view.CompletedBy));
    }
}
