using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Host.Identity;
using OrleansMlops.Storage.Models;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Api;

/// <summary>
/// The model registry read model over HTTP: search model versions, and lineage both ways (what produced a version;
/// which versions a data set or an exact file produced). Reads come from <see cref="IModelIndex"/>; tag changes go to
/// the version grain, which projects them back. Routes sit beside ModelsApi's <c>/api/models/{name}/versions/…</c>.
/// </summary>
public static class RegistryApi
{
    private const int Sha256HexLength = 64;

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models").WithTags("Registry");
        models.MapGet("/", Search).RequirePermission(Permission.Read);
        models.MapGet("/{name}/versions/{version:int}/lineage", GetLineage).RequirePermission(Permission.Read);
        models.MapPut("/{name}/versions/{version:int}/tags", SetTags).RequirePermission(Permission.TagModel);
        app.MapGet("/api/datasets/{datasetId}/models", ModelsUsingDataset).WithTags("Registry").RequirePermission(Permission.Read);
        app.MapGet("/api/lineage/files/{sha256}/models", ModelsUsingFile).WithTags("Registry").RequirePermission(Permission.Read);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ModelVersionSummary>>, ProblemHttpResult>> Search(
        IModelIndex index,
        string? name,
        string? stage,
        string? environment,
        string? tag,
        string? riskClass,
        string? owner,
        int? limit,
        CancellationToken cancellationToken)
    {
        ModelLifecycle? lifecycle = null;
        if (!string.IsNullOrWhiteSpace(stage))
        {
            // Names only: Enum.TryParse would also take "3" or "1,2".
            if (!Enum.GetNames<ModelLifecycle>().Contains(stage, StringComparer.OrdinalIgnoreCase))
            {
                return ApiProblems.BadRequest(
                    $"stage '{stage}' is not one of {string.Join(", ", Enum.GetNames<ModelLifecycle>())}.", "stage");
            }

            lifecycle = Enum.Parse<ModelLifecycle>(stage, ignoreCase: true);
        }

        if (Blank(tag) is { } wanted && !ModelTags.IsValid(wanted))
        {
            return ApiProblems.BadRequest(ModelTags.Problem([wanted])!, "tag");
        }

        if (QueryLimit.Problem(limit, ModelSearch.MaxLimit) is { } badLimit)
        {
            return badLimit;
        }

        var query = new ModelSearch(
            Blank(name), lifecycle, Blank(environment), Blank(tag), Blank(riskClass), Blank(owner), limit ?? ModelSearch.DefaultLimit);
        return TypedResults.Ok(await index.SearchAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<ModelVersionLineage>, ProblemHttpResult>> GetLineage(
        string name, int version, IModelIndex index, CancellationToken cancellationToken) =>
        await index.GetLineageAsync(name, version, cancellationToken) is { } lineage
            ? TypedResults.Ok(lineage)
            : ApiProblems.NotFound($"Model '{name}' has no version {version} in the registry.");

    private static async Task<Ok<IReadOnlyList<ModelVersionSummary>>> ModelsUsingDataset(
        string datasetId, string? version, IModelIndex index, CancellationToken cancellationToken) =>
        TypedResults.Ok(await index.ModelsUsingDatasetAsync(datasetId, Blank(version), cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<ModelVersionSummary>>, ProblemHttpResult>> ModelsUsingFile(
        string sha256, IModelIndex index, CancellationToken cancellationToken)
    {
        if (sha256.Length != Sha256HexLength || !sha256.All(char.IsAsciiHexDigit))
        {
            return ApiProblems.BadRequest($"sha256 '{sha256}' must be {Sha256HexLength} hexadecimal characters.", "sha256");
        }

        // Hashes are recorded in lowercase hex; a hash pasted in uppercase names the same file.
        return TypedResults.Ok(await index.ModelsUsingFileAsync(sha256.ToLowerInvariant(), cancellationToken));
    }

    private static async Task<Results<Ok<ModelVersionView>, ProblemHttpResult>> SetTags(
        string name, int version, SetTagsBody body, HttpRequest request, IGrainFactory grains)
    {
        var caller = Caller.Of(request);

        if (body.Tags is null)
        {
            return ApiProblems.BadRequest("tags is required: the complete new tag set, e.g. {\"tags\":[\"retail\"]}.", "tags");
        }

        if (ModelTags.Problem(body.Tags) is { } problem)
        {
            return ApiProblems.BadRequest(problem, "tags");
        }

        var grain = grains.GetGrain<IModelVersionGrain>(new ModelVersionKey(name, version).GrainKey);
        if (await grain.GetView() is null)
        {
            return ApiProblems.NotFound($"Model '{name}' has no version {version}.");
        }

        return TypedResults.Ok(await grain.SetTags(ModelTags.Validate(body.Tags), caller.Id));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
