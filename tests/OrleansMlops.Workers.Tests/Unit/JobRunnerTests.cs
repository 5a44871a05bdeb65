using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrleansMlops.Testing;

namespace OrleansMlops.Workers.Tests.Unit;

/// <summary>One job's life in the worker, on a fake clock: lock kept, result reported, failures counted down, lost jobs dropped.</summary>
public sealed class JobRunnerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly StubEngine _engine = new();
    private readonly ExternalTaskWorkerOptions _options = new()
    {
        BaseAddress = new Uri("http://engine.test/"),
        WorkerId = "worker-1",
        ApiKey = "mlops_test-key",
        LockDuration = TimeSpan.FromSeconds(30),
        MaxRetries = 3,
        RetryBackoff = TimeSpan.FromSeconds(10),
    };

    private JobRunner Runner => new(_engine.Client(_options), _options, _time, NullLogger.Instance);

    [Fact]
    public async Task While_the_handler_works_the_lock_is_extended_every_third_of_its_duration_then_the_result_is_completed()
    {
        var locked = Jobs.Locked(_time.GetUtcNow() + _options.LockDuration);
        _engine.Respond = (path, _, _) => Task.FromResult(path.EndsWith("/extend-lock", StringComparison.Ordinal)
            ? StubEngine.Extended(locked, _time.GetUtcNow() + _options.LockDuration)
            : StubEngine.Json(HttpStatusCode.OK, """{"jobId":"job-1","outcome":"applied"}"""));
        var handler = new GatedHandler();
        var running = Runner.RunAsync(locked, handler, CancellationToken.None);
        await handler.Started;

        await Eventually.Until(() => Task.FromResult(Tick(_engine.BodiesTo("/extend-lock").Count)), n => n >= 2, what: "two lock extensions");
        Assert.Empty(_engine.BodiesTo("/complete"));
        handler.Finish(new ExternalTaskResult { Log = "done" }.WithMetric("gini", 0.61).WithVariable("model", "glm"));
        await running;

        Assert.All(_engine.BodiesTo("/extend-lock"), b => Assert.Equal((30_000, "worker-1"), (b.GetProperty("newDurationMs").GetInt32(), b.GetProperty("workerId").GetString())));
        var complete = Assert.Single(_engine.BodiesTo("/complete"));
        Assert.Equal(0.61, complete.GetProperty("metrics").GetProperty("gini").GetDouble());
        Assert.Equal("glm", complete.GetProperty("variables").GetProperty("model").GetString());
        Assert.Equal("done", complete.GetProperty("log").GetString());
        Assert.Equal(TimeSpan.FromSeconds(10), Runner.ExtendInterval);
    }

    [Fact]
    public async Task A_lock_another_worker_took_cancels_the_handler_and_nothing_is_reported()
    {
        var locked = Jobs.Locked(_time.GetUtcNow() + _options.LockDuration);
        _engine.Respond = (_, _, _) => Task.FromResult(StubEngine.Problem(HttpStatusCode.Conflict, "Job not locked by this worker", "'worker-2' holds it", "NotLocked"));
        var handler = new GatedHandler();
        var running = Runner.RunAsync(locked, handler, CancellationToken.None);
        await handler.Started;

        await Eventually.Until(() => Task.FromResult(Tick(handler.Cancelled ? 1 : 0)), n => n == 1, what: "the handler to be cancelled");
        await running;

        Assert.Equal(["/api/external-tasks/test.topic/job-1/extend-lock"], _engine.Paths);
    }

    [Theory]
    [InlineData(null, 3, 10_000)]
    [InlineData(3, 2, 20_000)]
    [InlineData(2, 1, 40_000)]
    [InlineData(1, 0, 80_000)]
    public async Task A_handler_exception_is_reported_with_the_retries_counted_down_and_the_back_off_doubled(int? retriesLeft, int retries, int retryTimeoutMs)
    {
        var locked = Jobs.Locked(_time.GetUtcNow() + _options.LockDuration, retriesLeft);
        _engine.Respond = (_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));

        await Runner.RunAsync(locked, new GatedHandler(new TimeoutException("the data warehouse did not answer")), CancellationToken.None);

        var failure = Assert.Single(_engine.BodiesTo("/failure"));
        Assert.Equal((retries, retryTimeoutMs), (failure.GetProperty("retries").GetInt32(), failure.GetProperty("retryTimeoutMs").GetInt32()));
        Assert.Equal("TimeoutException: the data warehouse did not answer", failure.GetProperty("errorMessage").GetString());
    }

    [Theory]
    [InlineData("NotLocked")]
    [InlineData("Ended")]
    public async Task A_409_on_completion_is_dropped_not_retried(string code)
    {
        var locked = Jobs.Locked(_time.GetUtcNow() + _options.LockDuration);
        _engine.Respond = (_, _, _) => Task.FromResult(StubEngine.Problem(HttpStatusCode.Conflict, "Conflict", "taken over", code));

        await Runner.RunAsync(locked, new GatedHandler(new ExternalTaskResult()), CancellationToken.None);

        Assert.Equal(["/api/external-tasks/test.topic/job-1/complete"], _engine.Paths);
    }

    [Fact]
    public async Task A_transient_error_on_completion_is_tried_again_after_a_back_off()
    {
        var locked = Jobs.Locked(_time.GetUtcNow() + _options.LockDuration);
        var calls = 0;
        _engine.Respond = (_, _, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html>maintenance</html>") }
            : StubEngine.Json(HttpStatusCode.OK, """{"jobId":"job-1","outcome":"applied"}"""));

        var running = Runner.RunAsync(locked, new GatedHandler(new ExternalTaskResult()), CancellationToken.None);
        await Eventually.Until(() => Task.FromResult(Tick(_engine.BodiesTo("/complete").Count)), n => n == 2, what: "a second completion");
        await running;

        Assert.Equal(2, _engine.BodiesTo("/complete").Count);
    }

    [Fact]
    public async Task A_transient_error_with_the_lock_about_to_run_out_gives_the_job_up()
    {
        var locked = Jobs.Locked(_time.GetUtcNow() + TimeSpan.FromSeconds(5));
        _engine.Respond = (_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway));

        await Runner.RunAsync(locked, new GatedHandler(new ExternalTaskResult()), CancellationToken.None);

        Assert.Single(_engine.BodiesTo("/complete"));
    }

    [Fact]
    public async Task A_result_the_engine_refuses_becomes_a_failure_report()
    {
        var locked = Jobs.Locked(_time.GetUtcNow() + _options.LockDuration);
        _engine.Respond = (path, _, _) => Task.FromResult(path.EndsWith("/complete", StringComparison.Ordinal)
            ? StubEngine.Problem(HttpStatusCode.BadRequest, "Invalid request", "too many variables", "InvalidRequest")
            : new HttpResponseMessage(HttpStatusCode.NoContent));

        await Runner.RunAsync(locked, new GatedHandler(new ExternalTaskResult()), CancellationToken.None);

        var failure = Assert.Single(_engine.BodiesTo("/failure"));
        Assert.Contains("too many variables", failure.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Moves the fake clock a second on each probe, so waiting timers fire whenever they were set.</summary>
    private int Tick(int value)
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        return value;
    }
}
