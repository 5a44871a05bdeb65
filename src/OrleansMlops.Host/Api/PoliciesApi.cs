using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Governance;
using OrleansMlops.Governance.Catalog;
using OrleansMlops.Governance.DryRun;
using OrleansMlops.Governance.Fixtures;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Host.Identity;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Api;

/// <summary>
/// Rule sets for compliance officers: what is in force, what was refused and why, every version, the fixtures on demand,
/// and a dry run of a candidate against past decisions (changes are proposals: <see cref="RuleSetProposalsApi"/>).
/// </summary>
public static class PoliciesApi
{
    public const int DefaultDryRunDecisions = 500;

    /// <summary>The name a fixtures report gives cases sent in the request instead of a file.</summary>
    public const string RequestFixtures = "request body";

    private const string LintedFile = "candidate.json";

    public static RouteGroupBuilder MapPoliciesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policies").WithTags("Policies");
        group.MapGet("/", (RuleSetCatalog catalog) => TypedResults.Ok(catalog.GetActive())).RequirePermission(Permission.Read);
        group.MapGet("/refusals", (RuleSetCatalog catalog) => TypedResults.Ok(catalog.GetRefusals())).RequirePermission(Permission.Read);
        group.MapGet("/{ruleSetId}/versions", GetVersions).RequirePermission(Permission.Read);
        group.MapGet("/{ruleSetId}/versions/{version:int}", GetVersionContent).RequirePermission(Permission.Read);
        group.MapPost("/{ruleSetId}/test", RunFixtures).RequirePermission(Permission.TestRuleSet);
        group.MapPost("/dry-run", DryRun).RequirePermission(Permission.TestRuleSet);
        group.MapPost("/lint", Lint).RequirePermission(Permission.TestRuleSet);
        return group;
    }

    private static async Task<Results<Ok<IEnumerable<RuleSetVersionSummary>>, ProblemHttpResult>> GetVersions(
        string ruleSetId, RuleSetCatalog catalog, CancellationToken cancellationToken)
    {
        var versions = await catalog.GetVersionsAsync(ruleSetId, cancellationToken);
        return versions.Count == 0
            ? ApiProblems.NotFound($"No version of rule set '{ruleSetId}' was ever activated.")
            : TypedResults.Ok(versions.Select(RuleSetVersionSummary.From));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetVersionContent(
        string ruleSetId, int version, RuleSetCatalog catalog, CancellationToken cancellationToken)
    {
        var versions = await catalog.GetVersionsAsync(ruleSetId, cancellationToken);
        return versions.FirstOrDefault(v => v.Version == version) is { } found
            ? TypedResults.Text(found.Content, "application/json", Encoding.UTF8)
            : ApiProblems.NotFound($"Rule set '{ruleSetId}' has no version {version}.");
    }

    /// <summary>
    /// POST /api/policies/{id}/test: runs the fixtures beside the rule set in force, or, when the body is a fixtures
    /// document (<c>{"ruleSet":…,"cases":[…]}</c>), those cases instead; nothing is stored either way.
    /// </summary>
    private static async Task<Results<Ok<FixtureReport>, ProblemHttpResult>> RunFixtures(
        string ruleSetId, HttpRequest request, RuleSetCatalog catalog)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        if (catalog.GetActive().All(a => a.Ref.RuleSetId != ruleSetId))
        {
            return ApiProblems.NotFound($"No rule set '{ruleSetId}' is in force.");
        }

        var json = await ReadBody(request);
        if (string.IsNullOrWhiteSpace(json))
        {
            return TypedResults.Ok(await catalog.RunFixturesAsync(ruleSetId, cancellationToken));
        }

        RuleSetFixtureFile fixtures;
        try
        {
            fixtures = FixtureFileReader.Read(json);
        }
        catch (InvalidDataException e)
        {
            return ApiProblems.BadRequest($"The body is not a fixtures document: {e.Message}", "body");
        }

        return TypedResults.Ok(await catalog.RunFixturesAsync(ruleSetId, fixtures, RequestFixtures, cancellationToken));
    }

    /// <summary>
    /// POST /api/policies/lint with a rule set as the body: loaded, checked for safety and compiled exactly as activation
    /// does, but never activated, written or recorded; 200 either way, with <see cref="RuleSetLint.Valid"/> and the problem.
    /// </summary>
    private static async Task<Results<Ok<RuleSetLint>, ProblemHttpResult>> Lint(HttpRequest request, RuleSetCatalog catalog, RuleSetLoader loader)
    {
        var content = await ReadBytes(request);
        if (content.Length == 0)
        {
            return ApiProblems.BadRequest("The body must be a rule set JSON document (policies/rule-set.schema.json).", "body");
        }

        try
        {
            // The loader names the file in its messages; a candidate has none, and the rule set id is named beside it.
            var loaded = await loader.LoadAsync(LintedFile, content, request.HttpContext.RequestAborted);
            var inForce = catalog.GetActive().FirstOrDefault(a => a.Ref.RuleSetId == loaded.Id)?.Ref;
            return TypedResults.Ok(new RuleSetLint(true, loaded.Id, loaded.ContentHash, loaded.AppliesTo, loaded.Rules.Length, inForce, []));
        }
        catch (GovernanceException refusal)
        {
            return TypedResults.Ok(new RuleSetLint(false, refusal.RuleSetId, null, [], 0, null, [RuleSetProblem.From(refusal)]));
        }
    }

    /// <summary>
    /// POST /api/policies/dry-run with a candidate rule set as the body: replays the most recent recorded decisions
    /// (of <c>transition</c> if given, at most <c>limit</c>) with the candidate in place and reports what would change.
    /// </summary>
    private static async Task<Results<Ok<DryRunReport>, ProblemHttpResult>> DryRun(
        HttpRequest request, string? transition, int? limit, RuleSetCatalog catalog, DryRunner runner, IDecisionHistory history)
    {
        if (QueryLimit.Problem(limit, DecisionQuery.MaxLimit) is { } badLimit)
        {
            return badLimit;
        }

        var content = await ReadBytes(request);
        if (content.Length == 0)
        {
            return ApiProblems.BadRequest("The body must be the candidate rule set JSON document.", "body");
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        try
        {
            var candidate = await catalog.LoadCandidateAsync(content, expectedId: null, cancellationToken);
            var past = await history.RecentAsync(string.IsNullOrWhiteSpace(transition) ? null : transition, limit ?? DefaultDryRunDecisions, cancellationToken);
            return TypedResults.Ok(await runner.RunAsync(candidate, past, cancellationToken));
        }
        catch (GovernanceException refusal)
        {
            return ApiProblems.RuleSetRefused(refusal);
        }
    }

    /// <summary>A rule set's exact bytes, as the folder would hold them: its identity is their hash.</summary>
    internal static async Task<byte[]> ReadBytes(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    private static async Task<string> ReadBody(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }
}
