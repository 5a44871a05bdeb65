using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Host.Identity;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Api;

/// <summary>Aliases of a model (champion, challenger…): which version each names, and every change, by whom and why.</summary>
public static class AliasesApi
{
    public static RouteGroupBuilder MapAliasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/models/{name}/aliases").WithTags("Models");
        group.MapGet("/", async (string name, IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<IModelRegistryGrain>(name).GetAliases())).RequirePermission(Permission.Read);
        group.MapPut("/{alias}", SetAlias).RequirePermission(Permission.Release);
        group.MapDelete("/{alias}", RemoveAlias).RequirePermission(Permission.Release);
        return group;
    }

    private static async Task<Results<Ok<ModelAliasesView>, ProblemHttpResult>> SetAlias(
        string name, string alias, AliasBody body, HttpRequest request, IGrainFactory grains)
    {
        if (body.Version is not { } version)
        {
            return ApiProblems.BadRequest("version is required: the version the alias names (DELETE removes an alias).", "version");
        }

        return await Change(name, alias, version, body.Reason, request, grains);
    }

    private static Task<Results<Ok<ModelAliasesView>, ProblemHttpResult>> RemoveAlias(
        string name, string alias, string? reason, HttpRequest request, IGrainFactory grains) =>
        Change(name, alias, version: null, reason, request, grains);

    private static async Task<Results<Ok<ModelAliasesView>, ProblemHttpResult>> Change(
        string name, string alias, int? version, string? reason, HttpRequest request, IGrainFactory grains)
    {
        var caller = Caller.Of(request);

        if (!ModelAliases.IsValidName(alias))
        {
            return ApiProblems.BadRequest($"Alias '{alias}' is not a valid name: lowercase letters, digits and '-', starting with a letter, at most 32 characters.", "alias");
        }

        return await ApiProblems.Refusable(async () =>
            TypedResults.Ok(await grains.GetGrain<IModelRegistryGrain>(name).SetAlias(alias, version, caller.Id, reason)));
    }
}
