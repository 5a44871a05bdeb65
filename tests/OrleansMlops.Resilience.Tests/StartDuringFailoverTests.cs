using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace OrleansMlops.Resilience.Tests;

/// <summary>
/// Starts sent to the survivor while the other silo of a two-silo cluster is killed: none is answered 500 (the one
/// answer that leaves a client unable to tell whether to retry), and retrying each under its Idempotency-Key until it
/// is answered starts every release exactly once.
/// </summary>
public sealed class StartDuringFailoverTests(ITestOutputHelper output)
{
    private const int Starts = 8;

    private static readonly object Start = new
    {
        workflowId = "credit-risk",
        parameters = new Dictionary<string, object>
        {
            ["purpose"] = "creditworthiness assessment of retail loan applicants",
            ["riskClass"] = "high",
            ["owner"] = "head-of-retail-credit",
            ["tier"] = "1",
            ["threshold.auc.min"] = 0.70,
            ["threshold.disparity.max"] = 0.10,
        },
    };

    [Fact]
    public async Task Starts_interrupted_by_a_dying_silo_are_answered_so_the_client_retries_and_each_starts_one_run()
    {
        using var deployment = await EngineDeployment.PostgreSqlAsync();
        await using var doomed = await deployment.StartHostAsync("node-a");
        await using var survivor = await deployment.StartHostAsync("node-b");
        using var alice = survivor.Client("alice");
        var firstAnswers = new ConcurrentDictionary<string, HttpStatusCode>(StringComparer.Ordinal);

        // The run grains are placed on either silo; those on the one that dies lose their caller's answer mid-start.
        var keys = Enumerable.Range(1, Starts).Select(i => $"failover-start-{i}").ToList();
        var starts = keys.Select(async key => firstAnswers[key] = (await Send(alice, key)).StatusCode).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        await doomed.KillAsync();
        await Task.WhenAll(starts);

        var runIds = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        foreach (var key in keys)
        {
            runIds.Add(await StartedRun(alice, key, deadline));
        }

        using var auditor = survivor.Client("audrey");
        var listed = JsonDocument.Parse(await auditor.GetStringAsync("/api/runs?workflowId=credit-risk&limit=1000")).RootElement
            .EnumerateArray().Select(r => r.GetProperty("runId").GetString()!).ToList();
        output.WriteLine($"first answers: {string.Join(", ", firstAnswers.OrderBy(a => a.Key).Select(a => $"{a.Key} {(int)a.Value}"))}");
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, firstAnswers.Values);
        Assert.True(firstAnswers.Values.Any(status => status != HttpStatusCode.Created), "no start was interrupted by the kill; the test proves nothing");
        Assert.Equal(Starts, runIds.Distinct().Count());
        Assert.Equal(runIds.Order(), listed.Order());
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = JsonContent.Create(Start) };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }

    /// <summary>Retries the start under its key, as a client told 503 or 409 "in progress" would, until it is answered 201.</summary>
    private static async Task<string> StartedRun(HttpClient http, string key, DateTime deadline)
    {
        while (true)
        {
            using var response = await Send(http, key);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetString()!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{key} was still answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }
}
