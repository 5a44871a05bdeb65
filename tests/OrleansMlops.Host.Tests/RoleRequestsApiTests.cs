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
        await RunsApiTests.AssertProblem(selfApproval, HttpStatusCode.Forbidden, "about their own roles");
        await RunsApiTests.AssertProblem(byApprover, HttpStatusCode.Forbidden, "manage roles");
        await RunsApiTests.AssertProblem(unknownRole, HttpStatusCode.BadRequest, "'root' is not one of");
        await RunsApiTests.AssertProblem(noReason, HttpStatusCode.BadRequest, "a reason is required");
        var principals = await (await _http.GetAsync("/api/identity/principals")).Body();
        Assert.Equal(["admin"], Roles(principals, "ada"));
        Assert.Equal(["admin"], Roles(principals, "adam"));
        Assert.Equal(["approver"], Roles(principals, "bob"));
    }

    [Fact]
    public async Task Revoking_someone_elses_role_returns_a_request_and_only_a_second_admins_approval_revokes_it()
    {
        var requested = await _http.SendAsync(Post("/api/identity/principals/vera/roles/validator/revoke", new { comment = "left the bank" }).As("ada"));
        var revocation = await requested.Body();
        var requestId = revocation.GetProperty("requestId").GetString();
        var whilePending = await (await _http.GetAsync("/api/identity/principals")).Body();
        var sameAdmin = await _http.SendAsync(Post($"/api/identity/role-requests/{requestId}/approve", new { }).As("ada"));
        var approved = await _http.SendAsync(Post($"/api/identity/role-requests/{requestId}/approve", new { comment = "HR leaver list" }).As("adam"));

        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        Assert.Equal($"/api/identity/role-requests/{requestId}", requested.Headers.Location?.OriginalString);
        Assert.Equal(("revoke", "pending"), (revocation.GetProperty("kind").GetString(), revocation.GetProperty("status").GetString()));
        Assert.Equal(["validator"], Roles(whilePending, "vera"));
        await RunsApiTests.AssertProblem(sameAdmin, HttpStatusCode.Forbidden, "a second admin must approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Empty(Roles(await (await _http.GetAsync("/api/identity/principals")).Body(), "vera"));
        var audit = await (await _http.GetAsync("/api/identity/audit")).Body();
        Assert.Contains(audit.EnumerateArray(), r => r.GetProperty("kind").GetString() == "role-revoked" && r.GetProperty("actor").GetString() == "adam");
    }

    [Fact]
    public async Task A_person_gives_up_their_own_role_at_once_but_the_last_two_admins_can_neither_give_up_nor_remove_each_other()
    {
        var gaveUp = await _http.SendAsync(Post("/api/identity/me/roles/designer/give-up", new { comment = "moving to audit" }).As("dana"));
        var ownRevocation = await _http.SendAsync(Post("/api/identity/principals/ada/roles/admin/revoke", new { comment = "stepping down" }).As("ada"));
        var adminGivesUp = await _http.SendAsync(Post("/api/identity/me/roles/admin/give-up", new { comment = "stepping down" }).As("ada"));
        var revokeOther = await _http.SendAsync(Post("/api/identity/principals/adam/roles/admin/revoke", new { comment = "leaving" }).As("ada"));
        var suspendOther = await _http.SendAsync(Post("/api/identity/principals/adam/suspend", new { comment = "phished" }).As("ada"));

        Assert.Equal(HttpStatusCode.OK, gaveUp.StatusCode);
        Assert.Empty((await gaveUp.Body()).GetProperty("roles").EnumerateArray());
        await RunsApiTests.AssertProblem(ownRevocation, HttpStatusCode.Forbidden, "they give admin up themselves");
        await RunsApiTests.AssertProblem(adminGivesUp, HttpStatusCode.Conflict, "would leave 1 unsuspended admin(s) (adam)");
        await RunsApiTests.AssertProblem(revokeOther, HttpStatusCode.Conflict, "would leave 1 unsuspended admin(s) (ada)");
        await RunsApiTests.AssertProblem(suspendOther, HttpStatusCode.Conflict, "at least 2 must remain");
        var principals = await (await _http.GetAsync("/api/identity/principals")).Body();
        Assert.Equal(["admin"], Roles(principals, "ada"));
        Assert.Equal(["admin"], Roles(principals, "adam"));
    }

    [Fact]
    public async Task A_suspension_refuses_the_person_at_once_until_a_second_admin_lifts_it()
    {
        var before = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/predictions").As("olga"));
        var suspended = await _http.SendAsync(Post("/api/identity/principals/olga/suspend", new { comment = "credentials phished" }).As("ada"));
        var suspension = await suspended.Body();
        var whileSuspended = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/predictions").As("olga"));
        var principal = (await (await _http.GetAsync("/api/identity/principals")).Body()).EnumerateArray().Single(p => p.GetProperty("id").GetString() == "olga");
        var lifted = await _http.SendAsync(Post($"/api/identity/role-requests/{suspension.GetProperty("requestId").GetString()}/reject", new { comment = "false alarm" }).As("adam"));
        var after = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/predictions").As("olga"));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Created, suspended.StatusCode);
        Assert.Equal(("suspension", "*"), (suspension.GetProperty("kind").GetString(), suspension.GetProperty("role").GetString()));
        Assert.True(suspension.TryGetProperty("lapsesAt", out var lapsesAt) && lapsesAt.ValueKind == JsonValueKind.String);
        await RunsApiTests.AssertProblem(whileSuspended, HttpStatusCode.Forbidden, "'olga' is suspended until");
        Assert.Empty(principal.GetProperty("roles").EnumerateArray());
        Assert.Equal(["credit-officer"], principal.GetProperty("suspension").GetProperty("heldRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("rejected", (await lifted.Body()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static HttpRequestMessage SignOff(string? runId, string who) =>
        Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve", comment = "reproduced" }).As(who);

    private static IEnumerable<string?> Roles(JsonElement principals, string id) =>
        principals.EnumerateArray().Single(p => p.GetProperty("id").GetString() == id).GetProperty("roles").EnumerateArray().Select(r => r.GetString());
}
