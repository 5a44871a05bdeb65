using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// Credential guessing is cut off without locking anyone out: refused credentials get 429 once their address, the
/// credential itself or the subject it claims was refused too often in the minute, while a credential that
/// authenticates always goes through. X-Forwarded-For names the address only when a trusted proxy sends it.
/// </summary>
public sealed class AuthenticationLimitTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private const int Limit = 20;

    private static readonly string OtherKey = Convert.ToBase64String("a key the host does not know, 32+ bytes long"u8.ToArray());

    [Fact]
    public async Task A_hundred_wrong_tokens_from_one_address_get_429_after_the_limit_yet_a_valid_token_from_it_goes_through()
    {
        var http = factory.CreateClient();
        var anonymous = await Task.WhenAll(Enumerable.Range(0, Limit + 5).Select(_ => http.GetAsync("/api/runs")));
        var guesses = new List<HttpResponseMessage>();
        for (var i = 0; i < 100; i++)
        {
            guesses.Add(await http.SendAsync(WithToken($"guess-{i}")));
        }

        var valid = await http.SendAsync(WithToken(TestTokens.For("audrey")));

        Assert.All(anonymous, response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
        Assert.All(guesses.Take(Limit), response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
        Assert.All(guesses.Skip(Limit), response => Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode));
        await RunsApiTests.AssertProblem(guesses[Limit], HttpStatusCode.TooManyRequests, $"This address presented refused credentials {Limit} times");
        await RunsApiTests.AssertProblem(guesses[^1], HttpStatusCode.TooManyRequests, "refused credentials 99 times");
        Assert.InRange(int.Parse(guesses[^1].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    [Fact]
    public async Task A_credential_refused_too_often_is_refused_from_any_address_and_forged_tokens_do_not_lock_out_the_person_they_name()
    {
        var sameGuess = new List<(HttpStatusCode Status, string Detail)>();
        var forged = new List<(HttpStatusCode Status, string Detail)>();
        for (var i = 0; i <= Limit; i++)
        {
            sameGuess.Add(await Send(factory.Server, $"192.0.2.{i + 1}", "the same guess"));
            // A different forged token each time (its lifetime differs), so only the subject they claim is shared.
            forged.Add(await Send(factory.Server, $"198.51.100.{i + 1}", TestTokens.For("vera", TimeSpan.FromMinutes(10 + i), key: OtherKey)));
        }

        var vera = await Send(factory.Server, "198.51.100.1", TestTokens.For("vera"));

        Assert.All(sameGuess.Take(Limit).Concat(forged.Take(Limit)), refused => Assert.Equal(HttpStatusCode.Unauthorized, refused.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, sameGuess[^1].Status);
        Assert.StartsWith($"This credential was refused {Limit} times in the last minute", sameGuess[^1].Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, forged[^1].Status);
        Assert.StartsWith($"Credentials naming 'vera' were refused {Limit} times", forged[^1].Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, vera.Status);
    }

    [Fact]
    public async Task X_Forwarded_For_names_the_client_only_when_a_trusted_proxy_sends_it()
    {
        using var proxied = factory.WithWebHostBuilder(b => b.UseSetting("Security:TrustedProxies:0", "10.0.0.0/24"));
        var spoofed = new List<(HttpStatusCode Status, string Detail)>();
        var throughProxy = new List<(HttpStatusCode Status, string Detail)>();
        for (var i = 0; i <= Limit; i++)
        {
            // An untrusted peer claims a new client address each time; each guess still counts against the peer.
            spoofed.Add(await Send(proxied.Server, "192.0.2.200", $"spoofed-{i}", forwardedFor: $"203.0.113.{i + 1}"));
            throughProxy.Add(await Send(proxied.Server, "10.0.0.2", $"proxied-{i}", forwardedFor: "198.51.100.77"));
        }

        var otherClientOfTheProxy = await Send(proxied.Server, "10.0.0.2", "proxied-other", forwardedFor: "198.51.100.78");
        var validThroughProxy = await Send(proxied.Server, "10.0.0.2", TestTokens.For("audrey"), forwardedFor: "198.51.100.77");

        Assert.All(spoofed.Take(Limit).Concat(throughProxy.Take(Limit)), refused => Assert.Equal(HttpStatusCode.Unauthorized, refused.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed[^1].Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, throughProxy[^1].Status);
        Assert.StartsWith("This address presented refused credentials", throughProxy[^1].Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, otherClientOfTheProxy.Status);
        Assert.Equal(HttpStatusCode.OK, validThroughProxy.Status);
    }

    [Fact]
    public void A_trusted_proxy_that_is_neither_an_address_nor_a_network_stops_the_start_naming_it()
    {
        using var misconfigured = new EngineHostFactory().WithWebHostBuilder(b => b.UseSetting("Security:TrustedProxies:0", "proxy.internal"));

        var refusal = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => misconfigured.CreateClient());

        Assert.Contains("Security:TrustedProxies:0 'proxy.internal' is neither an IP address nor a network in CIDR notation", refusal.Message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage WithToken(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>A request as it arrives from <paramref name="peer"/>, which the in-memory test client cannot choose.</summary>
    private static async Task<(HttpStatusCode Status, string Detail)> Send(TestServer server, string peer, string token, string? forwardedFor = null)
    {
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/api/runs";
            c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            c.Request.Headers.Authorization = $"Bearer {token}";
            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var detail = context.Response.StatusCode == (int)HttpStatusCode.OK ? string.Empty : JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() ?? string.Empty;
        return ((HttpStatusCode)context.Response.StatusCode, detail);
    }
}
