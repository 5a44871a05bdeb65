using System.Net;
using Microsoft.Extensions.Options;

namespace OrleansMlops.Host.Tests;

/// <summary>Outside development mode nothing is generated or seeded for convenience, and the host will not start open.</summary>
public sealed class SecurityModeTests
{
    [Fact]
    public async Task In_production_mode_there_is_no_development_sign_in_and_only_configured_principals_hold_roles()
    {
        using var factory = new EngineHostFactory();
        using var production = factory.WithWebHostBuilder(b => b.UseSetting("Security:Development", "false"));
        var http = production.CreateClient();

        var people = await http.GetAsync("/api/dev/people");
        var token = await http.PostAsync("/api/dev/tokens/alice", null);
        var alice = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/runs").As("alice"));
        var mallory = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/runs").As("mallory"));

        Assert.Equal("[]", await people.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        await RunsApiTests.AssertProblem(alice, HttpStatusCode.Forbidden, "'alice' holds none");
        Assert.Equal(HttpStatusCode.OK, mallory.StatusCode);
    }

    [Fact]
    public void Without_a_signing_key_outside_development_the_host_refuses_to_start_naming_the_setting()
    {
        using var factory = new EngineHostFactory();
        using var keyless = factory.WithWebHostBuilder(b => b.UseSetting("Security:Development", "false").UseSetting("Security:SigningKey", string.Empty));

        var refusal = Assert.Throws<OptionsValidationException>(() => keyless.CreateClient());

        Assert.Contains("Security:SigningKey is required", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_principal_configured_with_an_unknown_role_stops_the_start()
    {
        using var factory = new EngineHostFactory();
        using var misconfigured = factory.WithWebHostBuilder(b => b.UseSetting("Security:Principals:eve:Roles:0", "superuser"));

        var refusal = Assert.Throws<OptionsValidationException>(() => misconfigured.CreateClient());

        Assert.Contains("Security:Principals:eve:Roles has 'superuser'", refusal.Message, StringComparison.Ordinal);
    }
}
