using System.Net;
using Microsoft.Extensions.Options;
using static OrleansMlops.Host.Tests.IdempotencyKeyTests;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// The first answer to a request with an Idempotency-Key is durable, a retry after the host restarted gets it too, and
/// the host does not start with a retention that would forget answers at once or keep them without end.
/// </summary>
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

    [Theory]
    [InlineData("Idempotency:Retention", "00:00:00", "Idempotency:Retention is 00:00:00")]
    [InlineData("Idempotency:Retention", "90.00:00:00", "Idempotency:Retention is 90.00:00:00")]
    [InlineData("Idempotency:ExecutionLease", "2.00:00:00", "Idempotency:ExecutionLease is 2.00:00:00; it must be at least 00:00:01 and shorter than Retention")]
    public void A_retention_or_lease_out_of_range_stops_the_start_naming_the_setting(string setting, string value, string expected)
    {
        using var engine = new EngineHostFactory();
        using var misconfigured = engine.WithWebHostBuilder(b => b.UseSetting(setting, value));

        var refusal = Assert.Throws<OptionsValidationException>(() => misconfigured.CreateClient());

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Start() =>
        RunsApiTests.StartCreditRun(new Dictionary<string, object> { ["purpose"] = "survives a restart" });
}
