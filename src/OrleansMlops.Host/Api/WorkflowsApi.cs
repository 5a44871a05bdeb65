using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Host.Identity;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Workflows;

namespace OrleansMlops.Host.Api;

public static class WorkflowsApi
{
    public static RouteGroupBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows");
        group.MapGet("/", ListWorkflows).RequirePermission(Permission.Read);
        group.MapGet("/{workflowId}", GetWorkflow).RequirePermission(Permission.Read);
        group.MapGet("/{workflowId}/versions/{version:int}/bpmn", GetDocument).RequirePermission(Permission.Read);
        group.MapPut("/{workflowId}", Publish).RequirePermission(Permission.PublishWorkflow);
        group.MapPost("/{workflowId}/versions/{version:int}/approve", Approve).RequirePermission(Permission.PublishWorkflow);
        group.MapPost("/{workflowId}/versions/{version:int}/reject", Reject).RequirePermission(Permission.PublishWorkflow);
        group.MapGet("/{workflowId}/audit", ReadAudit).RequirePermission(Permission.ReadAudit);
        group.MapGet("/{workflowId}/audit/verify", (string workflowId, IGrainFactory grains) =>
            grains.GetGrain<IWorkflowDefinitionGrain>(workflowId).VerifyAudit()).RequirePermission(Permission.ReadAudit);
        // Checking a document changes nothing, so anyone who may read workflows may check one before a designer publishes it.
        group.MapPost("/validate", Validate).RequirePermission(Permission.Read);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<WorkflowVersionInfo>>> ListWorkflows(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IWorkflowCatalogGrain>(0).List();
        var latest = await Task.WhenAll(ids.Select(id => grains.GetGrain<IWorkflowDefinitionGrain>(id).GetVersions()));
        return TypedResults.Ok<IReadOnlyList<WorkflowVersionInfo>>([.. latest.Where(v => v.Count > 0).Select(v => v[^1])]);
    }

    private static async Task<Results<Ok<IReadOnlyList<WorkflowVersionInfo>>, ProblemHttpResult>> GetWorkflow(
        string workflowId, IGrainFactory grains)
    {
        if (!WorkflowIds.IsValid(workflowId))
        {
            return ApiProblems.NotFound($"Workflow '{workflowId}' does not exist.");
        }

        var versions = await grains.GetGrain<IWorkflowDefinitionGrain>(workflowId).GetVersions();
        return versions.Count == 0 ? ApiProblems.NotFound($"Workflow '{workflowId}' does not exist.") : TypedResults.Ok(versions);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetDocument(
        string workflowId, int version, IGrainFactory grains)
    {
        var document = WorkflowIds.IsValid(workflowId)
            ? await grains.GetGrain<IWorkflowDefinitionGrain>(workflowId).GetDocument(version)
            : null;
        return document is null
            ? ApiProblems.NotFound($"Workflow '{workflowId}' has no version {version}.")
            : TypedResults.Text(document, "application/xml", Encoding.UTF8);
    }

    /// <summary>
    /// PUT /api/workflows/{id} with BPMN XML as the body publishes a new version (201), or one that awaits a second
    /// designer (202), or finds the identical one (200).
    /// </summary>
    private static async Task<Results<Ok<WorkflowVersionInfo>, Created<WorkflowVersionInfo>, Accepted<WorkflowVersionInfo>, ProblemHttpResult>> Publish(
        string workflowId, HttpRequest request, IGrainFactory grains)
    {
        var caller = Caller.Of(request);

        if (!WorkflowIds.IsValid(workflowId))
        {
            return ApiProblems.BadRequest(
                $"Workflow id '{workflowId}' must be 1 to {WorkflowIds.MaxLength} letters, digits, '-', '_' or '.'.", "workflowId");
        }

        var xml = await ReadBody(request);
        if (string.IsNullOrWhiteSpace(xml))
        {
            return ApiProblems.BadRequest("The body must be a BPMN 2.0 XML document.", "body");
        }

        var result = await grains.GetGrain<IWorkflowDefinitionGrain>(workflowId).Publish(xml, caller);
        var location = $"/api/workflows/{workflowId}";
        return result.Version switch
        {
            null => ApiProblems.WorkflowRefused(workflowId, result.Problems),
            { } version when !result.Created => TypedResults.Ok(version),
            { Status: WorkflowVersionStatus.AwaitingApproval } version => TypedResults.Accepted(location, version),
            { } version => TypedResults.Created(location, version),
        };
    }

    /// <summary>POST /api/workflows/{id}/versions/{n}/approve: a designer other than the publisher makes the version startable.</summary>
    private static Task<Results<Ok<WorkflowVersionInfo>, ProblemHttpResult>> Approve(
        string workflowId, int version, ReviewBody? body, HttpRequest request, IGrainFactory grains) =>
        ApiProblems.Refusable(async () =>
            TypedResults.Ok(await grains.GetGrain<IWorkflowDefinitionGrain>(workflowId).Approve(version, Caller.Of(request), body?.Comment)));

    /// <summary>POST /api/workflows/{id}/versions/{n}/reject with <c>{"reason":…}</c>: no run will start the version.</summary>
    private static Task<Results<Ok<WorkflowVersionInfo>, ProblemHttpResult>> Reject(
        string workflowId, int version, ReviewBody? body, HttpRequest request, IGrainFactory grains) =>
        ApiProblems.Refusable(async () =>
            TypedResults.Ok(await grains.GetGrain<IWorkflowDefinitionGrain>(workflowId).Reject(version, Caller.Of(request), body?.Reason ?? string.Empty)));

    private static async Task<Results<Ok<IReadOnlyList<AuditRecord>>, ProblemHttpResult>> ReadAudit(
        string workflowId, IAuditStore audit, CancellationToken cancellationToken) =>
        WorkflowIds.IsValid(workflowId)
            ? TypedResults.Ok(await audit.ReadAsync("workflow:" + workflowId, cancellationToken))
            : ApiProblems.NotFound($"Workflow '{workflowId}' does not exist.");

    /// <summary>
    /// POST /api/workflows/validate with BPMN XML as the body: parsed exactly as publishing parses it (the same loader and
    /// limits), but nothing is stored; 200 either way, with <see cref="WorkflowValidation.Valid"/> and the problems.
    /// </summary>
    private static async Task<Results<Ok<WorkflowValidation>, ProblemHttpResult>> Validate(HttpRequest request)
    {
        var xml = await ReadBody(request);
        if (string.IsNullOrWhiteSpace(xml))
        {
            return ApiProblems.BadRequest("The body must be a BPMN 2.0 XML document.", "body");
        }

        try
        {
            // Not through the grains' definition cache: a document that is only checked must not stay in memory.
            var definition = BpmnLoader.Load(xml);
            return TypedResults.Ok(new WorkflowValidation(true, definition.ProcessId, definition.Name, definition.ContentHash, []));
        }
        catch (WorkflowDefinitionException refused)
        {
            return TypedResults.Ok(new WorkflowValidation(false, null, null, null, refused.Problems));
        }
    }

    private static async Task<string> ReadBody(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }
}
