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

    /// <summary>Signs the request in as <paramref name="principal"/>; the host's role directory knows their roles.</summary>
    public static HttpRequestMessage As(this HttpRequestMessage request, string principal)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.For(principal));
        return request;
    }

    /// <summary>
    /// Signs every request of the client in as <paramref name="principal"/> unless the request names someone else; tests
    /// read as audrey, the auditor, who may read everything and change nothing.
    /// </summary>
    public static HttpClient SignedInAs(this HttpClient http, string principal)
    {
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.For(principal, TimeSpan.FromHours(4)));
        return http;
    }

    public static HttpRequestMessage Post(string uri, object body) =>
        new(HttpMethod.Post, uri) { Content = JsonContent.Create(body, options: Json) };

    /// <summary>
    /// The README's release over HTTP: alice starts a credit run, vera signs the validation off, bob approves; returns
    /// the version, by then live in staging and production.
    /// </summary>
    public static async Task<int> ReleaseCreditModel(this HttpClient http)
    {
        var run = await (await http.SendAsync(RunsApiTests.StartCreditRun().As("alice"))).Body();
        var runId = run.GetProperty("runId").GetString();
        await http.SendAsync(Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve" }).As("vera"));
        var done = await (await http.SendAsync(Post($"/api/runs/{runId}/tasks/UserTask_ApproveModel", new { decision = "approve" }).As("bob"))).Body();
        Assert.Equal("completed", done.GetProperty("status").GetString());
        return done.GetProperty("model").GetProperty("version").GetInt32();
    }

    public static async Task<JsonElement> Body(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
