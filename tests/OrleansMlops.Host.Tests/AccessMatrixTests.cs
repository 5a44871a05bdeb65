using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Host.Identity;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// Every role against every endpoint: anonymous callers get 401, callers whose directory roles lack the endpoint's
/// permission get 403, everyone else gets past the guard. The expected permission of each endpoint is written out here,
/// independently of the code, so moving an endpoint to a looser permission fails this test.
/// </summary>
public sealed class AccessMatrixTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private static readonly Dictionary<string, Permission?> Expected = new(StringComparer.Ordinal)
    {
        ["GET /api/workflows/"] = Permission.Read,
        ["GET /api/workflows/{workflowId}"] = Permission.Read,
        ["GET /api/workflows/{workflowId}/versions/{version:int}/bpmn"] = Permission.Read,
        ["PUT /api/workflows/{workflowId}"] = Permission.PublishWorkflow,
        ["POST /api/workflows/{workflowId}/versions/{version:int}/approve"] = Permission.PublishWorkflow,
        ["POST /api/workflows/{workflowId}/versions/{version:int}/reject"] = Permission.PublishWorkflow,
        ["GET /api/workflows/{workflowId}/audit"] = Permission.ReadAudit,
        ["GET /api/workflows/{workflowId}/audit/verify"] = Permission.ReadAudit,
        ["POST /api/workflows/validate"] = Permission.Read,
        ["POST /api/runs/"] = Permission.StartRun,
        ["GET /api/runs/"] = Permission.Read,
        ["GET /api/runs/{runId}"] = Permission.Read,
        ["POST /api/runs/{runId}/tasks/{taskId}"] = Permission.CompleteTask,
        ["POST /api/runs/{runId}/retry"] = Permission.RetryRun,
        ["GET /api/runs/{runId}/history"] = Permission.Read,
        ["GET /api/runs/{runId}/audit"] = Permission.ReadAudit,
        ["GET /api/runs/{runId}/audit/verify"] = Permission.Read,
        ["GET /api/tasks/"] = Permission.Read,
        ["GET /api/models/"] = Permission.Read,
        ["GET /api/models/{name}/versions"] = Permission.Read,
        ["GET /api/models/{name}/versions/{version:int}"] = Permission.Read,
        ["GET /api/models/{name}/versions/{version:int}/lineage"] = Permission.Read,
        ["PUT /api/models/{name}/versions/{version:int}/tags"] = Permission.TagModel,
        ["GET /api/models/{name}/versions/{version:int}/documents/{document}"] = Permission.Read,
        ["GET /api/evidence/{sha256}"] = Permission.Read,
        ["GET /api/datasets/{datasetId}/models"] = Permission.Read,
        ["GET /api/lineage/files/{sha256}/models"] = Permission.Read,
        ["GET /api/models/{name}/environments/{environment}"] = Permission.Read,
        ["GET /api/models/{name}/environments/{environment}/history"] = Permission.Read,
        ["GET /api/models/{name}/environments/{environment}/version-at"] = Permission.Read,
        ["POST /api/models/{name}/environments/{environment}/rollback"] = Permission.Release,
        ["POST /api/models/{name}/versions/{version:int}/promote"] = Permission.Release,
        ["GET /api/models/{name}/aliases/"] = Permission.Read,
        ["PUT /api/models/{name}/aliases/{alias}"] = Permission.Release,
        ["DELETE /api/models/{name}/aliases/{alias}"] = Permission.Release,
        ["POST /api/models/{name}/environments/{environment}/monitoring/"] = Permission.ReportMonitoring,
        ["GET /api/models/{name}/environments/{environment}/monitoring/"] = Permission.Read,
        ["POST /api/models/{name}/environments/{environment}/predict"] = Permission.Predict,
        ["GET /api/predictions/"] = Permission.ReadPredictions,
        ["GET /api/predictions/{predictionId}"] = Permission.ReadPredictions,
        ["POST /api/predictions/{predictionId}/override"] = Permission.OverridePrediction,
        ["GET /api/decisions/"] = Permission.Read,
        ["GET /api/decisions/{decisionId}"] = Permission.Read,
        ["GET /api/policies/"] = Permission.Read,
        ["GET /api/policies/refusals"] = Permission.Read,
        ["GET /api/policies/{ruleSetId}/versions"] = Permission.Read,
        ["GET /api/policies/{ruleSetId}/versions/{version:int}"] = Permission.Read,
        ["PUT /api/policies/{ruleSetId}"] = Permission.ActivateRuleSet,
        ["POST /api/policies/{ruleSetId}/test"] = Permission.TestRuleSet,
        ["POST /api/policies/lint"] = Permission.TestRuleSet,
        ["POST /api/policies/dry-run"] = Permission.TestRuleSet,
        ["GET /api/policies/proposals"] = Permission.Read,
        ["GET /api/policies/proposals/{proposalId}"] = Permission.Read,
        ["GET /api/policies/proposals/{proposalId}/content"] = Permission.Read,
        ["POST /api/policies/proposals/{proposalId}/approve"] = Permission.ActivateRuleSet,
        ["POST /api/policies/proposals/{proposalId}/reject"] = Permission.ActivateRuleSet,
        ["GET /api/policies/audit"] = Permission.ReadAudit,
        ["GET /api/policies/audit/verify"] = Permission.ReadAudit,
        ["POST /api/external-tasks/fetch-and-lock"] = Permission.WorkExternalTasks,
        ["GET /api/external-tasks/{topic}/{jobId}"] = Permission.WorkExternalTasks,
        ["POST /api/external-tasks/{topic}/{jobId}/complete"] = Permission.WorkExternalTasks,
        ["POST /api/external-tasks/{topic}/{jobId}/failure"] = Permission.WorkExternalTasks,
        ["POST /api/external-tasks/{topic}/{jobId}/extend-lock"] = Permission.WorkExternalTasks,
        ["GET /api/identity/me"] = null,
        ["POST /api/identity/me/roles/{role}/give-up"] = null,
        ["GET /api/identity/principals"] = Permission.ReadAudit,
        ["GET /api/identity/role-requests"] = Permission.ReadAudit,
        ["POST /api/identity/role-requests"] = Permission.ManageRoles,
        ["POST /api/identity/role-requests/{requestId}/approve"] = Permission.ManageRoles,
        ["POST /api/identity/role-requests/{requestId}/reject"] = Permission.ManageRoles,
        ["POST /api/identity/principals/{principalId}/roles/{role}/revoke"] = Permission.ManageRoles,
        ["POST /api/identity/principals/{principalId}/suspend"] = Permission.ManageRoles,
        ["GET /api/identity/audit"] = Permission.ReadAudit,
        ["GET /api/identity/audit/verify"] = Permission.ReadAudit,
        ["POST /api/operations/dashboard-session"] = Permission.ViewClusterDashboard,
    };

    /// <summary>One principal per role, as development mode seeds them.</summary>
    private static readonly Dictionary<string, string> PrincipalOfRole = new(StringComparer.Ordinal)
    {
        [Roles.DataScientist] = "alice",
        [Roles.Validator] = "vera",
        [Roles.Approver] = "bob",
        [Roles.Deployer] = "dora",
        [Roles.ComplianceAuthor] = "colin",
        [Roles.Auditor] = "audrey",
        [Roles.Admin] = "ada",
        [Roles.Designer] = "dana",
        [Roles.ModelRiskHead] = "carol",
        [Roles.Worker] = "sample-worker",
        [Roles.Monitoring] = "credit-monitoring-service",
        [Roles.Consumer] = "loan-origination",
        [Roles.CreditOfficer] = "olga",
        [Roles.Operator] = "otto",
    };

    [Fact]
    public void Every_api_endpoint_requires_sign_in_and_the_permission_this_table_expects()
    {
        var endpoints = ApiEndpoints().ToDictionary(e => e.Key, e => e.Required, StringComparer.Ordinal);

        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), endpoints.Keys.Order(StringComparer.Ordinal));
        Assert.All(endpoints, pair => Assert.True(pair.Value is not null, $"{pair.Key} requires no permission"));
        Assert.All(Expected, pair => Assert.Equal(pair.Value, endpoints[pair.Key]!.Permission));
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), PrincipalOfRole.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_role_is_let_through_exactly_where_its_permissions_allow_and_refused_with_a_403_problem_elsewhere()
    {
        var http = factory.CreateClient();
        var wrong = new List<string>();
        foreach (var (key, permission) in Expected)
        {
            var anonymous = await http.SendAsync(Request(key));
            if (anonymous.StatusCode != HttpStatusCode.Unauthorized || !IsProblem(anonymous))
            {
                wrong.Add($"{key} anonymous: {(int)anonymous.StatusCode}");
            }

            foreach (var (role, principal) in PrincipalOfRole)
            {
                var allowed = permission is not { } needed || RolePermissions.RolesFor(needed).Contains(role);
                var response = await http.SendAsync(Request(key).As(principal));
                var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
                if (allowed == refused || (refused && !IsProblem(response)))
                {
                    wrong.Add($"{key} as {role} ({principal}): {(int)response.StatusCode}, expected {(allowed ? "let through" : "403")}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task A_403_names_the_roles_that_would_be_allowed_and_what_the_caller_holds()
    {
        var response = await factory.CreateClient().SendAsync(Request("PUT /api/policies/{ruleSetId}").As("bob"));

        await RunsApiTests.AssertProblem(response, HttpStatusCode.Forbidden, "'bob' may not activate rule sets: that needs one of the roles compliance-author; 'bob' holds approver.");
    }

    private IEnumerable<(string Key, RequiredPermission? Required)> ApiEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                && !e.RoutePattern.RawText.StartsWith("/api/dev/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => ($"{method} {e.RoutePattern.RawText}", e.Metadata.GetMetadata<RequiredPermission>())));

    private static HttpRequestMessage Request(string key)
    {
        var (method, pattern) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var uri = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:int)?\}", m => m.Groups[2].Success ? "1" : m.Groups[1].Value switch
        {
            "name" => "credit-risk",
            "environment" => "production",
            "alias" => "champion",
            "role" => "validator",
            _ => "matrix-" + m.Groups[1].Value.ToLowerInvariant(),
        });
        var request = new HttpRequestMessage(new HttpMethod(method), uri);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static bool IsProblem(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json";
}
