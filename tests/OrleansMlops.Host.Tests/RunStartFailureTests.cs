using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Security;
using static OrleansMlops.Host.Tests.HttpClientExtensions;
using static OrleansMlops.Host.Tests.IdempotencyKeyTests;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// A start whose run was created but whose answer was lost to a failing silo is answered 503 with Retry-After, never 500,
/// and the retry (with the key or the run id) returns that run instead of starting a second one; so for role requests.
/// </summary>
public sealed class RunStartFailureTests : IDisposable
{
    private readonly EngineHostFactory _engine = new();
    private readonly LoseAnswer _silo = new();
    private readonly WebApplicationFactory<Program> _host;
    private readonly HttpClient _http;

    public RunStartFailureTests()
    {
        _host = _engine.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<IIncomingGrainCallFilter>(_silo)));
        _http = _host.CreateClient().SignedInAs("audrey");
    }

    [Fact]
    public async Task A_start_retried_with_its_key_after_the_answer_was_lost_returns_the_run_it_created()
    {
        _silo.LoseNext(nameof(IPipelineRunGrain.Start));
        var lost = await _http.SendAsync(WithKey(Start(), "lost-1").As("alice"));
        var retried = await _http.SendAsync(WithKey(Start(), "lost-1").As("alice"));
        var again = await _http.SendAsync(WithKey(Start(), "lost-1").As("alice"));

        await RunsApiTests.AssertProblem(lost, HttpStatusCode.ServiceUnavailable, "Retry the same request");
        Assert.Equal(TimeSpan.FromSeconds(2), lost.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        await AssertSameAnswer(retried, again);
        var runs = await (await _http.GetAsync("/api/runs?workflowId=credit-risk")).Body();
        Assert.Equal((await retried.Body()).GetProperty("runId").GetString(), Assert.Single(runs.EnumerateArray()).GetProperty("runId").GetString());
    }

    [Fact]
    public async Task A_start_retried_with_its_run_id_after_the_answer_was_lost_returns_that_run()
    {
        _silo.LoseNext(nameof(IPipelineRunGrain.Start));
        var lost = await _http.SendAsync(Post("/api/runs", new { workflowId = "credit-risk", runId = "run-lost-answer", parameters = new { purpose = "lost" } }).As("alice"));
        var retried = await _http.SendAsync(Post("/api/runs", new { workflowId = "credit-risk", runId = "run-lost-answer", parameters = new { purpose = "lost" } }).As("alice"));

        await RunsApiTests.AssertProblem(lost, HttpStatusCode.ServiceUnavailable, "run id");
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal("run-lost-answer", (await retried.Body()).GetProperty("runId").GetString());
        var runs = await (await _http.GetAsync("/api/runs?workflowId=credit-risk")).Body();
        Assert.Equal("run-lost-answer", Assert.Single(runs.EnumerateArray()).GetProperty("runId").GetString());
    }

    [Fact]
    public async Task A_rollback_retried_with_its_key_after_the_answer_was_lost_returns_the_rollback_run_and_rolls_back_once()
    {
        var first = await _http.ReleaseCreditModel();
        await _http.ReleaseCreditModel();
        var rollback = new { reason = "INC-4711: approval rates drifted" };

        _silo.LoseNext(nameof(IPipelineRunGrain.Start));
        var lost = await _http.SendAsync(WithKey(Post("/api/models/credit-risk/environments/production/rollback", rollback), "rollback-lost").As("dora"));
        var retried = await _http.SendAsync(WithKey(Post("/api/models/credit-risk/environments/production/rollback", rollback), "rollback-lost").As("dora"));

        await RunsApiTests.AssertProblem(lost, HttpStatusCode.ServiceUnavailable, "Retry the same request");
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var run = await retried.Body();
        var rollbacks = await (await _http.GetAsync("/api/runs?workflowId=rollback-model")).Body();
        Assert.Equal(run.GetProperty("runId").GetString(), Assert.Single(rollbacks.EnumerateArray()).GetProperty("runId").GetString());
        Assert.Equal(first, (await (await _http.GetAsync("/api/models/credit-risk/environments/production")).Body()).GetProperty("liveVersion").GetInt32());
    }

    [Fact]
    public async Task A_role_request_retried_with_its_key_after_the_answer_was_lost_asks_once()
    {
        var grant = new { principal = "erin", role = "validator", unit = "model-validation", reason = "joins validation" };

        _silo.LoseNext(nameof(IRoleDirectoryGrain.RequestGrant));
        var lost = await _http.SendAsync(WithKey(Post("/api/identity/role-requests", grant), "grant-lost").As("ada"));
        var retried = await _http.SendAsync(WithKey(Post("/api/identity/role-requests", grant), "grant-lost").As("ada"));

        await RunsApiTests.AssertProblem(lost, HttpStatusCode.ServiceUnavailable, "Idempotency-Key");
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var pending = await (await _http.GetAsync("/api/identity/role-requests?status=pending")).Body();
        Assert.Equal(
            (await retried.Body()).GetProperty("requestId").GetString(),
            Assert.Single(pending.EnumerateArray(), r => r.GetProperty("principal").GetString() == "erin").GetProperty("requestId").GetString());
    }

    public void Dispose()
    {
        _host.Dispose();
        _engine.Dispose();
    }

    private static HttpRequestMessage Start() =>
        RunsApiTests.StartCreditRun(new Dictionary<string, object> { ["purpose"] = "answer lost" });

    /// <summary>Lets the next call of a method complete, then fails it as a silo dying before it answered would.</summary>
    private sealed class LoseAnswer : IIncomingGrainCallFilter
    {
        private string? _method;

        public void LoseNext(string method) => Volatile.Write(ref _method, method);

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            await context.Invoke();
            var method = context.InterfaceMethod.Name;
            var armed = Volatile.Read(ref _method);
            if (armed == method && ReferenceEquals(Interlocked.CompareExchange(ref _method, null, armed), armed))
            {
                throw new SiloUnavailableException($"The silo died before {method} was answered.");
            }
        }
    }
}
