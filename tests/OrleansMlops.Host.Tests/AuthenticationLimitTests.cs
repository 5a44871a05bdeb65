using System.Net;
using System.Net.Http.Headers;

namespace OrleansMlops.Host.Tests;

/// <summary>Credential guessing is cut off: after too many refused credentials an address is refused outright for the minute.</summary>
public sealed class AuthenticationLimitTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private const int Limit = 20;

    [Fact]
    public async Task After_twenty_refused_credentials_an_address_gets_429_even_with_a_valid_token()
    {
        var http = factory.CreateClient();
        var anonymous = await Task.WhenAll(Enumerable.Range(0, Limit + 5).Select(_ => http.GetAsync("/api/runs")));
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit; i++)
        {
            guesses.Add((await http.SendAsync(WithToken($"guess-{i}"))).StatusCode);
        }

        var cutOff = await http.SendAsync(WithToken("guess-final"));
        var valid = await http.SendAsync(WithToken(TestTokens.For("audrey")));

        Assert.All(anonymous, response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
        Assert.All(guesses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        await RunsApiTests.AssertProblem(cutOff, HttpStatusCode.TooManyRequests, $"refused credentials {Limit} times");
        Assert.InRange(int.Parse(cutOff.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, valid.StatusCode);
    }

    private static HttpRequestMessage WithToken(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
