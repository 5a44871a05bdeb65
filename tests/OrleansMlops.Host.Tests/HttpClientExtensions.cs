using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMlops.Host.Tests;

internal static class HttpClientExtensions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static HttpRequestMessage As(this HttpRequestMessage request, string user, string roles, string? unit = null)
    {
        request.Headers.Add("X-Mlops-User", user);
        request.Headers.Add("X-Mlops-Roles", roles);
        if (unit is not null)
        {
            request.Headers.Add("X-Mlops-Unit", unit);
        }

        return request;
    }

    public static HttpRequestMessage Post(string uri, object body) =>
        new(HttpMethod.Post, uri) { Content = JsonContent.Create(body, options: Json) };

    /// <summary>
    /// The README's release over HTTP: alice starts a credit run, vera signs the validation off, bob approves; returns
    /// the version, by then live in staging and production.
    /// </summary>
    public static async Task<int> ReleaseCreditModel(this HttpClient http)
    {
        var run = await (await http.SendAsync(RunsApiTests.StartCreditRun().As("alice", "data-scientist", "retail-credit-analytics"))).Body();
        var runId = run.GetProperty("runId").GetString();
        await http.SendAsync(Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve" }).As("vera", "validator", "model-validation"));
        var done = await (await http.SendAsync(Post($"/api/runs/{runId}/tasks/UserTask_ApproveModel", new { decision = "approve" }).As("bob", "approver"))).Body();
        Assert.Equal("completed", done.GetProperty("status").GetString());
        return done.GetProperty("model").GetProperty("version").GetInt32();
    }

    public static async Task<JsonElement> Body(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
