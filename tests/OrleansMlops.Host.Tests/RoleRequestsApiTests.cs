using System.Net;
using System.Text.Json;
using static OrleansMlops.Host.Tests.HttpClientExtensions;

namespace OrleansMlops.Host.Tests;

/// <summary>Role changes over HTTP: one admin asks, a second approves, nobody for themselves, all of it audited.</summary>
public sealed class RoleRequestsApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task A_validator_granted_by_two_admins_can_sign_off_validation_and_the_change_is_in_the_audit_chain()
    {
        var run = await (await _http.SendAsync(RunsApiTests.StartCreditRun().As("alice"))).Body();
        var runId = run.GetProperty("runId").GetString();
        var before = await _http.SendAsync(SignOff(runId, "erin"));

        var requested = await _http.SendAsync(Post("/api/identity/role-requests", new { principal = "erin", role = "validator", unit = "model-validation", reason = "joins validation" }).As("ada"));
        var requestId = (await requested.Body()).GetProperty("requestId").GetString();
        var sameAdmin = await _http.SendAsync(Post($"/api/identity/role-requests/{requestId}/approve", new { }).As("ada"));
        var approved = await _http.SendAsync(Post($"/api/identity/role-requests/{requestId}/approve", new { comment = "IAM-12" }).As("adam"));
        var after = await _http.SendAsync(SignOff(runId, "erin"));

        await RunsApiTests.AssertProblem(before, HttpStatusCode.Forbidden, "'erin' holds none");
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        await RunsApiTests.AssertProblem(sameAdmin, HttpStatusCode.Forbidden, "a second admin must approve");
        Assert.Equal("approved", (await approved.Body()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var audit = await (await _http.GetAsync("/api/identity/audit")).Body();
        Assert.Contains(audit.EnumerateArray(), r => r.GetProperty("kind").GetString() == "role-granted" && r.GetProperty("actor").GetString() == "adam");
        Assert.True((await (await _http.GetAsync("/api/identity/audit/verify")).Body()).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Self_grants_non_admins_and_unknown_roles_are_refused_and_change_nothing()
    {
        var self = await _http.SendAsync(Post("/api/identity/role-requests", new { principal = "ada", role = "approver", reason = "I approve too" }).As("ada"));
        var forAdam = await (await _http.SendAsync(Post("/api/identity/role-requests", new { principal = "adam", role = "auditor", reason = "audit duty" }).As("ada"))).Body();
        var selfApproval = await _http.SendAsync(Post($"/api/identity/role-requests/{forAdam.GetProperty("requestId").GetString()}/approve", new { }).As("adam"));
        var byApprover = await _http.SendAsync(Post("/api/identity/role-requests", new { principal = "bob", role = "deployer", reason = "faster releases" }).As("bob"));
        var unknownRole = await _http.SendAsync(Post("/api/identity/role-requests", new { principal = "erin", role = "root", reason = "why not" }).As("ada"));
        var noReason = await _http.SendAsync(Post("/api/identity/role-requests", new { principal = "erin", role = "validator" }).As("ada"));

        await RunsApiTests.AssertProblem(self, HttpStatusCode.Forbidden, "may not request a role for themselves");
        await RunsApiTests.AssertProblem(selfApproval, HttpStatusCode.Forbidden, "to themselves");
        await RunsApiTests.AssertProblem(byApprover, HttpStatusCode.Forbidden, "manage roles");
        await RunsApiTests.AssertProblem(unknownRole, HttpStatusCode.BadRequest, "'root' is not one of");
        await RunsApiTests.AssertProblem(noReason, HttpStatusCode.BadRequest, "a reason is required");
        var principals = await (await _http.GetAsync("/api/identity/principals")).Body();
        Assert.Equal(["admin"], Roles(principals, "ada"));
        Assert.Equal(["admin"], Roles(principals, "adam"));
        Assert.Equal(["approver"], Roles(principals, "bob"));
    }

    private static HttpRequestMessage SignOff(string? runId, string who) =>
        Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve", comment = "reproduced" }).As(who);

    private static IEnumerable<string?> Roles(JsonElement principals, string id) =>
        principals.EnumerateArray().Single(p => p.GetProperty("id").GetString() == id).GetProperty("roles").EnumerateArray().Select(r => r.GetString());
}
