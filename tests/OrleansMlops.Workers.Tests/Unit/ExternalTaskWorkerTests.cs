using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansMlops.Testing;

namespace OrleansMlops.Workers.Tests.Unit;

/// <summary>The worker loop against a stub engine: it fetches only as many jobs as it has free slots.</summary>
public sealed class ExternalTaskWorkerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly StubEngine _engine = new();
    private readonly ExternalTaskWorkerOptions _options = new()
    {
        BaseAddress = new Uri("http://engine.test/"),
        WorkerId = "worker-1",
        ApiKey = "mlops_test-key",
        MaxTasks = 2,
        LockDuration = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public async Task With_every_slot_busy_it_does_not_fetch_and_a_freed_slot_asks_for_one_job()
    {
        var handler = new PerJobHandler();
        var expires = _time.GetUtcNow() + _options.LockDuration;
        var fetches = 0;
        _engine.Respond = async (path, _, cancellationToken) =>
        {
            if (!path.EndsWith("/fetch-and-lock", StringComparison.Ordinal))
            {
                return StubEngine.Json(HttpStatusCode.OK, """{"jobId":"job","outcome":"applied"}""");
            }

            if (Interlocked.Increment(ref fetches) == 1)
            {
                LockedJob[] jobs = [new(Jobs.Job(jobId: "job-1"), "worker-1", expires, null), new(Jobs.Job(jobId: "job-2"), "worker-1", expires, null)];
                return StubEngine.Json(HttpStatusCode.OK, JsonSerializer.Serialize(jobs, WorkerJson.Options));
            }

            // A long poll with nothing to hand out: it answers when the worker stops asking.
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        };
        using var worker = new ExternalTaskWorker(_engine.Client(_options), [handler], Options.Create(_options), _time, NullLogger<ExternalTaskWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await Eventually.Until(() => Task.FromResult(handler.StartedCount), n => n == 2, what: "both jobs to start");
        Assert.Single(_engine.BodiesTo("/fetch-and-lock"));

        handler.Finish("job-1");
        var fetched = await Eventually.Until(() => Task.FromResult(_engine.BodiesTo("/fetch-and-lock")), f => f.Count == 2, what: "a second fetch");
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal((2, 1), (fetched[0].GetProperty("maxTasks").GetInt32(), fetched[1].GetProperty("maxTasks").GetInt32()));
        Assert.Equal(["test.topic"], fetched[0].GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(300_000, fetched[0].GetProperty("lockDurationMs").GetInt32());
        Assert.Single(_engine.BodiesTo("/job-1/complete"));
        Assert.Empty(_engine.BodiesTo("/job-2/complete"));
    }

    [Fact]
    public async Task Two_handlers_for_one_topic_stop_the_worker_at_start()
    {
        using var worker = new ExternalTaskWorker(
            _engine.Client(_options), [new PerJobHandler(), new PerJobHandler()], Options.Create(_options), _time, NullLogger<ExternalTaskWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => worker.ExecuteTask!);
        Assert.Contains("'test.topic' has two handlers", error.Message, StringComparison.Ordinal);
        Assert.Empty(_engine.Paths);
    }
}
