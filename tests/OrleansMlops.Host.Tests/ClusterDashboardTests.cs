using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// The Orleans dashboard is off unless configured, and when on only the operator role opens it: with a bearer token,
/// or in a browser through a session cookie that a bearer call opens and that is good for the dashboard alone.
/// </summary>
public sealed class ClusterDashboardTests
{
    [Fact]
    public async Task The_dashboard_is_off_by_default_and_asking_for_a_session_says_how_to_turn_it_on()
    {
        using var factory = new EngineHostFactory();
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/dashboard/").As("otto"));
        var session = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/operations/dashboard-session").As("otto"));

        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Orleans Dashboard", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await RunsApiTests.AssertProblem(session, HttpStatusCode.NotFound, "Dashboard:Enabled=true");
    }

    [Fact]
    public async Task When_on_only_an_operator_opens_it_and_anyone_else_gets_a_problem()
    {
        using var factory = Enabled(new EngineHostFactory());
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var anonymous = await http.GetAsync("/dashboard/");
        var alice = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/dashboard/").As("alice"));
        var ada = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/dashboard/").As("ada"));
        var otto = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/dashboard/").As("otto"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, alice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ada.StatusCode);
        Assert.Equal("application/problem+json", alice.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, otto.StatusCode);
        Assert.Contains("Orleans Dashboard", await otto.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_session_opens_the_dashboard_alone_and_closes_when_the_operator_role_is_revoked()
    {
        using var factory = Enabled(new EngineHostFactory());
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var opened = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/operations/dashboard-session").As("otto"));

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("/dashboard/", (await opened.Body()).GetProperty("path").GetString());
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        // From here on the browser sends only its cookie, as it does when it opens a page.
        var page = await browser.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Orleans Dashboard", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/index.min.js")).StatusCode);

        // Even sent where its path does not reach, the cookie is no sign-in for the API.
        var api = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        api.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().SendAsync(api)).StatusCode);

        var revocation = await (await browser.SendAsync(HttpClientExtensions.Post("/api/identity/principals/otto/roles/operator/revoke", new { comment = "moved to another team" }).As("ada"))).Body();
        var approved = await browser.SendAsync(HttpClientExtensions.Post($"/api/identity/role-requests/{revocation.GetProperty("requestId").GetString()}/approve", new { }).As("adam"));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/dashboard/")).StatusCode);
    }

    [Theory]
    [InlineData("/api")]
    [InlineData("/studio")]
    [InlineData("dashboard")]
    [InlineData("/ops/dashboard")]
    public void A_dashboard_path_that_is_not_a_segment_of_its_own_stops_the_start_naming_the_setting(string path)
    {
        using var factory = new EngineHostFactory();
        using var misconfigured = Enabled(factory).WithWebHostBuilder(b => b.UseSetting("Dashboard:Path", path));

        var refusal = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => misconfigured.CreateClient());

        Assert.Contains("Dashboard:Path must be one path segment", refusal.Message, StringComparison.Ordinal);
    }

    private static WebApplicationFactory<Program> Enabled(EngineHostFactory factory) =>
        factory.WithWebHostBuilder(b => b.UseSetting("Dashboard:Enabled", "true"));
}
