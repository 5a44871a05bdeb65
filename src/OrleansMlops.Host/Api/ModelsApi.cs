using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Host.Identity;

namespace OrleansMlops.Host.Api;

public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/models").WithTags("Models");
        group.MapGet("/{name}/versions", ListVersions).RequirePermission(Permission.Read);
        group.MapGet("/{name}/versions/{version:int}", GetVersion).RequirePermission(Permission.Read);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<int>>> ListVersions(string name, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IModelRegistryGrain>(name).ListVersions());

    private static async Task<Results<Ok<ModelVersionView>, ProblemHttpResult>> GetVersion(string name, int version, IGrainFactory grains)
    {
        var view = await grains.GetGrain<IModelVersionGrain>(new ModelVersionKey(name, version).GrainKey).GetView();
        return view is null
            ? ApiProblems.NotFound($"Model '{name}' has no version {version}.")
            : TypedResults.Ok(view);
    }
}
