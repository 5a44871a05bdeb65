using Microsoft.AspNetCore.Http.HttpResults;

namespace OrleansMlops.Host.Api;

/// <summary>
/// The <c>limit</c> query parameter of every listing: absent means the endpoint's default, anything outside 1 to its
/// maximum is refused rather than quietly clamped, so a caller never mistakes a clamped page for the whole answer.
/// </summary>
internal static class QueryLimit
{
    public static ProblemHttpResult? Problem(int? limit, int max) =>
        limit is < 1 || limit > max ? ApiProblems.BadRequest($"limit must be 1 to {max}; got {limit}.", "limit") : null;
}
