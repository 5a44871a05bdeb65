using System.Net;
using static OrleansMlops.Host.Tests.IdempotencyKeyTests;

namespace OrleansMlops.Host.Tests;

/// <summary>The first answer to a request with an Idempotency-Key is durable: a retry after the host restarted gets it too.</summary>
public sealed class IdempotencyRestartTests
{
    [Fact]
    public async Task A_retry_after_a_host_restart_gets_the_first_answer_and_starts_no_second_run()
    {
        using var engine = new EngineHostFactory();
        HttpResponseMessage first;
        await using (var beforeRestart = engine.WithWebHostBuilder(_ => { }))
        {
            first = await beforeRestart.CreateClient().SendAsync(WithKey(Start(), "restart-1").As("alice"));
            await first.Content.LoadIntoBufferAsync();
        }

        await using var afterRestart = engine.WithWebHostBuilder(_ => { });
        var http = afterRestart.CreateClient().SignedInAs("audrey");
        var retried = await http.SendAsync(WithKey(Start(), "restart-1").As("alice"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertSameAnswer(first, retried);
        Assert.Equal(1, (await (await http.GetAsync("/api/runs?workflowId=credit-risk")).Body()).GetArrayLength());
    }

    private static HttpRequestMessage Start() =>
        RunsApiTests.StartCreditRun(new Dictionary<string, object> { ["purpose"] = "survives a restart" });
}
