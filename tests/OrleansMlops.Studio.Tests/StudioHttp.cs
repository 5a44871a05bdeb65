using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrleansMlops.Studio.Tests;

/// <summary>HTTP calls the studio tests make beside the browser: the credit release of the README, as its people.</summary>
internal static class StudioHttp
{
    public static HttpClient Client(StudioHost host) => new() { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromMinutes(3) };

    public static async Task<string> StartCreditRunAsync(HttpClient http)
    {
        var response = await http.SendAsync(Post("/api/runs", new
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
        }, "alice", "data-scientist", "retail-credit-analytics"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var run = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return run.GetProperty("runId").GetString()!;
    }

    /// <summary>Start, validation sign-off by vera, approval by bob: the version is deployed; returns run id and version.</summary>
    public static async Task<(string RunId, int Version)> ReleaseAsync(HttpClient http)
    {
        var runId = await StartCreditRunAsync(http);
        var validated = await http.SendAsync(Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve", comment = "reproduced" }, "vera", "validator", "model-validation"));
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        var approved = await http.SendAsync(Post($"/api/runs/{runId}/tasks/UserTask_ApproveModel", new { decision = "approve", comment = "reviewed" }, "bob", "approver", "model-risk-management"));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var done = JsonDocument.Parse(await approved.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("completed", done.GetProperty("status").GetString());
        return (runId, done.GetProperty("model").GetProperty("version").GetInt32());
    }

    public static HttpRequestMessage Post(string uri, object body, string user, string roles, string? unit = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Mlops-User", user);
        request.Headers.Add("X-Mlops-Roles", roles);
        if (unit is not null)
        {
            request.Headers.Add("X-Mlops-Unit", unit);
        }

        return request;
    }

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
