using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansMlops.Studio.Tests;

/// <summary>HTTP calls the studio tests make beside the browser: the credit release of the README, as its people.</summary>
internal static class StudioHttp
{
    /// <summary>A client that reads as <paramref name="reader"/> (by default audrey, the auditor); writes name their person.</summary>
    public static HttpClient Client(StudioHost host, string reader = "audrey")
    {
        var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromMinutes(3) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(reader));
        return http;
    }

    public static async Task<string> StartCreditRunAsync(StudioHost host, HttpClient http, string person = "alice")
    {
        var response = await http.SendAsync(Post(host, "/api/runs", new
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
        }, person));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var run = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("waitingForUser", run.GetProperty("status").GetString());
        return run.GetProperty("runId").GetString()!;
    }

    /// <summary>Start, validation sign-off by vera, approval by bob: the version is deployed; returns run id and version.</summary>
    public static async Task<(string RunId, int Version)> ReleaseAsync(StudioHost host, HttpClient http)
    {
        var runId = await StartCreditRunAsync(host, http);
        var validated = await http.SendAsync(Post(host, $"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve", comment = "reproduced" }, "vera"));
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        var approved = await http.SendAsync(Post(host, $"/api/runs/{runId}/tasks/UserTask_ApproveModel", new { decision = "approve", comment = "reviewed" }, "bob"));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var done = JsonDocument.Parse(await approved.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("completed", done.GetProperty("status").GetString());
        return (runId, done.GetProperty("model").GetProperty("version").GetInt32());
    }

    /// <summary>A JSON POST as <paramref name="person"/>: their token says who; the server's directory knows their roles.</summary>
    public static HttpRequestMessage Post(StudioHost host, string uri, object body, string person) =>
        As(host, new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body) }, person);

    public static HttpRequestMessage As(StudioHost host, HttpRequestMessage request, string person)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(person));
        return request;
    }
}
