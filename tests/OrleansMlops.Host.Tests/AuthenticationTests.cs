using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansMlops.Host.Identity;

namespace OrleansMlops.Host.Tests;

/// <summary>Who the caller is: tokens that prove nothing are refused, services use API keys, and no credential reaches a log.</summary>
public sealed class AuthenticationTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private readonly HttpClient _http = factory.CreateClient();

    public static TheoryData<string, string> RefusedTokens => new()
    {
        { "expired an hour ago", TestTokens.For("alice", TimeSpan.FromHours(1), now: DateTime.UtcNow.AddHours(-2)) },
        { "signed with another key", TestTokens.For("alice", key: Convert.ToBase64String(new byte[32])) },
        { "issued by someone else", TestTokens.For("alice", issuer: "https://idp.example.com") },
        { "unsigned (alg none)", Unsigned("alice") },
        { "not a token at all", "let-me-in" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_token_that_proves_nothing_is_a_401_problem(string why, string token)
    {
        var response = await _http.SendAsync(Get("/api/runs", token));

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"a token {why} was accepted: {(int)response.StatusCode}");
        await RunsApiTests.AssertProblem(response, HttpStatusCode.Unauthorized, "refused: it is invalid, expired or unknown");
    }

    [Fact]
    public async Task A_signed_in_stranger_holds_no_roles_and_may_read_nothing()
    {
        var me = await (await _http.SendAsync(Get("/api/identity/me", TestTokens.For("eve")))).Body();
        var runs = await _http.SendAsync(Get("/api/runs", TestTokens.For("eve")));

        Assert.Equal(("eve", 0, 0), (me.GetProperty("id").GetString(), me.GetProperty("roles").GetArrayLength(), me.GetProperty("permissions").GetArrayLength()));
        await RunsApiTests.AssertProblem(runs, HttpStatusCode.Forbidden, "'eve' holds none");
    }

    [Fact]
    public async Task Me_says_what_the_directory_lets_the_caller_do()
    {
        var me = await (await _http.SendAsync(Get("/api/identity/me", TestTokens.For("alice")))).Body();

        Assert.Equal(["data-scientist"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("retail-credit-analytics", me.GetProperty("unit").GetString());
        var permissions = me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("startRun", permissions);
        Assert.DoesNotContain("completeTask", permissions);
        Assert.DoesNotContain("manageRoles", permissions);
    }

    [Fact]
    public async Task Services_sign_in_with_an_api_key_and_an_unknown_key_is_a_401_problem()
    {
        var key = factory.Services.GetRequiredService<SecurityKeys>().Development!.ApiKeys["loan-origination"];

        var me = await (await _http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Get, "/api/identity/me"), key))).Body();
        var unknown = await _http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Get, "/api/identity/me"), ApiKeys.Generate()));

        Assert.Equal(("loan-origination", "consumer"), (me.GetProperty("id").GetString(), me.GetProperty("roles")[0].GetString()));
        await RunsApiTests.AssertProblem(unknown, HttpStatusCode.Unauthorized, "refused");
    }

    [Fact]
    public async Task No_token_or_api_key_reaches_the_log_even_when_a_message_carries_one()
    {
        var token = TestTokens.For("bob");
        var forged = TestTokens.For("bob", key: Convert.ToBase64String(new byte[32]));
        var key = factory.Services.GetRequiredService<SecurityKeys>().Development!.ApiKeys["sample-worker"];
        var wrongKey = ApiKeys.Generate();

        await _http.SendAsync(Get("/api/runs", token));
        await _http.SendAsync(Get("/api/runs", forged));
        await _http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Get, "/api/runs"), key));
        await _http.SendAsync(WithKey(new HttpRequestMessage(HttpMethod.Get, "/api/runs"), wrongKey));
        await _http.SendAsync(Get("/api/runs", TestTokens.For("eve")));
        // A careless message that passes a credential as a value: the host's redaction masks it before any sink.
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Careless");
#pragma warning disable CA1848, CA2254 // the point is a message written without LoggerMessage
        logger.LogWarning("Calling upstream with {Authorization} and {Key}", "Bearer " + token, key);
#pragma warning restore CA1848, CA2254

        var log = string.Join("\n", factory.Logs.Entries);
        var careless = string.Join("\n", factory.Logs.Entries.Where(e => e.Contains("Careless", StringComparison.Ordinal)));
        Assert.True(careless.Contains("Calling upstream with \"Bearer [redacted]\" and \"[redacted]\"", StringComparison.Ordinal), $"logged: {careless}");
        Assert.Contains("Principal=eve Permission=Read", log, StringComparison.Ordinal);
        Assert.All(
            new[] { ("token", token), ("forged token", forged), ("API key", key), ("unknown API key", wrongKey) },
            secret => Assert.False(log.Contains(secret.Item2, StringComparison.Ordinal), $"the {secret.Item1} is in the log:\n{log}"));
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_api_answers_are_not_cached()
    {
        var studio = await _http.GetAsync("/studio/");
        var api = await _http.SendAsync(Get("/api/runs", TestTokens.For("audrey")));

        Assert.Equal("DENY", studio.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", studio.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", studio.Headers.GetValues("Referrer-Policy").Single());
        var policy = studio.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.True(api.Headers.CacheControl?.NoStore);
    }

    private static HttpRequestMessage Get(string uri, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.Add(ApiKeyAuthenticationHandler.Header, key);
        return request;
    }

    private static string Unsigned(string subject)
    {
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return $"{Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Encode($"{{\"sub\":\"{subject}\",\"iss\":\"orleans-mlops\",\"aud\":\"orleans-mlops\",\"exp\":{expires}}}")}.";
    }
}
