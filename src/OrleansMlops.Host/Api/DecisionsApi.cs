using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Host.Identity;

namespace OrleansMlops.Host.Api;

/// <summary>The decision log of the governance gate: which rules decided what, on which input, with which rule set versions.</summary>
public static class DecisionsApi
{
    public static RouteGroupBuilder MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/decisions").WithTags("Decisions");
        group.MapGet("/", QueryDecisions).RequirePermission(Permission.Read);
        group.MapGet("/{decisionId}", GetDecision).RequirePermission(Permission.Read);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<DecisionSummary>>, ProblemHttpResult>> QueryDecisions(
        IDecisionStore store,
        string? runId,
        string? rule,
        string? ruleSet,
        string? outcome,
        string? transition,
        string? from,
        string? to,
        int? limit,
        CancellationToken cancellationToken)
    {
        GateOutcome? wanted = null;
        if (outcome is not null)
        {
            if (!Enum.TryParse<GateOutcome>(outcome, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(outcome, out _))
            {
                return ApiProblems.BadRequest($"outcome '{outcome}' is not one of {string.Join(", ", Enum.GetNames<GateOutcome>())}.", "outcome");
            }

            wanted = parsed;
        }

        if (QueryWindow.TryRead(from, to, out var start, out var end) is { } badWindow)
        {
            return badWindow;
        }

        if (QueryLimit.Problem(limit, DecisionQuery.MaxLimit) is { } badLimit)
        {
            return badLimit;
        }

        var query = new DecisionQuery(
            QueryWindow.Blank(runId), QueryWindow.Blank(rule), QueryWindow.Blank(ruleSet), wanted, QueryWindow.Blank(transition), start, end, limit ?? DecisionQuery.DefaultLimit);
        var decisions = await store.QueryAsync(query, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DecisionSummary>>([.. decisions.Select(DecisionSummary.From)]);
    }

    private static async Task<Results<Ok<DecisionRecord>, ProblemHttpResult>> GetDecision(
        string decisionId, IDecisionStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(decisionId, cancellationToken) is { } decision
            ? TypedResults.Ok(DecisionRecord.From(decision))
            : ApiProblems.NotFound($"No gate decision has id '{decisionId}'.");
}
