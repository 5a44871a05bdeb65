using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Host.Identity;

namespace OrleansMlops.Host.Api;

/// <summary>
/// The studio's one-click sign-in as a sample person, in development mode only: the token endpoint is not mapped
/// otherwise, and the list of people is empty, so the sign-in page asks once and offers only the token form.
/// </summary>
public static class DevelopmentSignInApi
{
    public static void MapDevelopmentSignInApi(this IEndpointRouteBuilder app, bool development)
    {
        var group = app.MapGroup("/api/dev").WithTags("Development");
        group.MapGet("/people", () => TypedResults.Ok(development ? SamplePrincipals.People : []));
        if (development)
        {
            group.MapPost("/tokens/{principal}", Issue);
        }
    }

    private static Results<Ok<DevelopmentToken>, ProblemHttpResult> Issue(string principal, TokenIssuer tokens) =>
        SamplePrincipals.People.Any(p => p.Id == principal)
            ? TypedResults.Ok(new DevelopmentToken(principal, tokens.Issue(principal)))
            : ApiProblems.NotFound($"'{principal}' is not one of the sample people: {string.Join(", ", SamplePrincipals.People.Select(p => p.Id))}.");
}
