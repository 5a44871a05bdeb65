using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Documents;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Storage.Evidence;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Host.Identity;

namespace OrleansMlops.Host.Api;

/// <summary>
/// Evidence documents of a model version (model card, EU AI Act Annex IV; Markdown or HTML), generated on request from
/// the registry entry and the owning run's decisions and audit trail. Generation is deterministic, so the ETag (the
/// content's SHA-256) matches any hash recorded for the same facts. The documents as the approver left them are
/// frozen at approval (the run's <c>evidence.generated</c> audit record names their hashes) and served by hash.
/// </summary>
public static class ModelDocumentsApi
{
    public static RouteGroupBuilder MapModelDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/models").WithTags("Models");
        group.MapGet("/{name}/versions/{version:int}/documents/{document}", GetDocument).RequirePermission(Permission.Read);
        app.MapGet("/api/evidence/{sha256}", GetFrozen).WithTags("Models").RequirePermission(Permission.Read);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetDocument(
        string name,
        int version,
        string document,
        IGrainFactory grains,
        IAuditStore audit,
        IDecisionStore decisionLog,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (!EvidenceDocuments.FileNames.Contains(document) && document != EvidenceDocuments.LineageSvg)
        {
            return ApiProblems.NotFound($"Model versions have no document '{document}'; there are {string.Join(", ", EvidenceDocuments.FileNames)}.");
        }

        var view = await grains.GetGrain<IModelVersionGrain>(new ModelVersionKey(name, version).GrainKey).GetView();
        if (view is null)
        {
            return ApiProblems.NotFound($"Model '{name}' has no version {version}.");
        }

        var run = await grains.GetGrain<IPipelineRunGrain>(view.OwnerRunId).GetView();
        var records = await audit.ReadAsync(view.OwnerRunId, cancellationToken);
        // The run keeps its decisions without their inputs, which the documents' threshold facts read: the log has them.
        var logged = (await decisionLog.QueryAsync(new DecisionQuery(RunId: view.OwnerRunId, Limit: DecisionQuery.MaxLimit), cancellationToken))
            .ToDictionary(d => d.DecisionId, StringComparer.Ordinal);
        var evidence = new ModelEvidence(view, [.. run.Decisions.Select(d => logged.GetValueOrDefault(d.DecisionId, d))], [.. records]);
        if ((document == EvidenceDocuments.LineageSvg ? EvidenceDocuments.Lineage(evidence) : EvidenceDocuments.Generate(evidence, document)) is not { } generated)
        {
            return ApiProblems.NotFound($"Model versions have no document '{document}'.");
        }

        return Serve(response, generated.Content, generated.MediaType, generated.Sha256);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetFrozen(
        string sha256, IEvidenceDocumentStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
        {
            return ApiProblems.BadRequest($"'{sha256}' is not a SHA-256 (64 hexadecimal digits).", "sha256");
        }

        return await store.GetAsync(sha256, cancellationToken) is { } frozen
            ? Serve(response, frozen.Content, frozen.MediaType, frozen.Sha256)
            : ApiProblems.NotFound($"No evidence document was frozen with SHA-256 {sha256}.");
    }

    private static FileContentHttpResult Serve(HttpResponse response, byte[] content, string mediaType, string sha256)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        // The HTML is standalone: no script, no remote resource. Say so to the browser as well.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        // A strong ETag of the content's SHA-256; the file result also answers If-None-Match with 304.
        return TypedResults.File(content, mediaType, entityTag: new EntityTagHeaderValue($"\"{sha256}\""));
    }
}
