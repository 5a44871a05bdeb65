using System.Net;
using System.Text.Json;
using static OrleansMlops.Host.Tests.HttpClientExtensions;

namespace OrleansMlops.Host.Tests;

/// <summary>The approvals inbox: open tasks of waiting runs for the caller's roles, self-involvement flagged up front.</summary>
public sealed class TasksApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task A_validator_sees_the_validation_review_and_the_approver_sees_the_approval_only_after_the_sign_off()
    {
        var run = await (await _http.SendAsync(RunsApiTests.StartCreditRun().As("alice"))).Body();
        var runId = run.GetProperty("runId").GetString()!;

        var veras = await Tasks("vera");
        var review = Assert.Single(veras, t => t.GetProperty("runId").GetString() == runId);
        Assert.Equal("UserTask_ValidationReview", review.GetProperty("taskId").GetString());
        Assert.Equal("Independent validation review", review.GetProperty("name").GetString());
        Assert.Equal("credit-risk", review.GetProperty("workflowId").GetString());
        Assert.Equal("alice", review.GetProperty("startedBy").GetString());
        Assert.Equal("validator", review.GetProperty("candidateRoles")[0].GetString());
        Assert.Equal("credit-risk", review.GetProperty("model").GetProperty("name").GetString());
        Assert.False(review.GetProperty("selfInvolved").GetBoolean());
        Assert.DoesNotContain(await Tasks("bob"), t => t.GetProperty("runId").GetString() == runId);

        var signedOff = await _http.SendAsync(
            Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "approve", comment = "Reproduced" }).As("vera"));
        Assert.Equal(HttpStatusCode.OK, signedOff.StatusCode);

        Assert.DoesNotContain(await Tasks("vera"), t => t.GetProperty("runId").GetString() == runId);
        var approval = Assert.Single(await Tasks("bob"), t => t.GetProperty("runId").GetString() == runId);
        Assert.Equal("UserTask_ApproveModel", approval.GetProperty("taskId").GetString());
        Assert.True(approval.TryGetProperty("dueAt", out var dueAt) && dueAt.ValueKind == JsonValueKind.String, "the approval escalates after 48 hours");
        Assert.False(approval.GetProperty("selfInvolved").GetBoolean());
    }

    [Fact]
    public async Task The_submitters_own_run_is_flagged_self_involved_when_they_hold_the_candidate_role()
    {
        var run = await (await _http.SendAsync(RunsApiTests.StartCreditRun().As("mallory"))).Body();
        var runId = run.GetProperty("runId").GetString()!;

        var own = Assert.Single(await Tasks("mallory"), t => t.GetProperty("runId").GetString() == runId);
        var independent = Assert.Single(await Tasks("vera"), t => t.GetProperty("runId").GetString() == runId);

        Assert.True(own.GetProperty("selfInvolved").GetBoolean());
        Assert.False(independent.GetProperty("selfInvolved").GetBoolean());
        Assert.DoesNotContain(await Tasks("alice"), t => t.GetProperty("runId").GetString() == runId);
    }

    [Fact]
    public async Task Roles_match_regardless_of_case_and_finished_runs_list_nothing()
    {
        var run = await (await _http.SendAsync(RunsApiTests.StartCreditRun().As("alice"))).Body();
        var runId = run.GetProperty("runId").GetString()!;
        Assert.Contains(await Tasks("vera"), t => t.GetProperty("runId").GetString() == runId);

        await _http.SendAsync(Post($"/api/runs/{runId}/tasks/UserTask_ValidationReview", new { decision = "reject", comment = "AUC not reproduced" }).As("vera"));

        Assert.DoesNotContain(await Tasks("vera"), t => t.GetProperty("runId").GetString() == runId);
    }

    [Fact]
    public async Task Without_an_identity_the_inbox_is_a_401_problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/tasks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Authorization: Bearer", (await response.Body()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<List<JsonElement>> Tasks(string user)
    {
        var response = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/tasks").As(user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Body()).EnumerateArray()];
    }
}
