using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Storage.Decisions;

namespace OrleansMlops.Host.Api;

/// <summary>The decision log of the governance gate: which rules decided what, on which input, with which rule set versions.</summary>
public static class DecisionsApi
{
    public static RouteGroupBuilder MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/decisions").WithTags("Decisions");
        group.MapGet("/", QueryDecisions);
        group.MapGet("/{decisionId}", GetDecision);
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

        if (!TryInstant(from, out var start))
        {
            return ApiProblems.BadRequest($"from '{from}' is not an ISO 8601 instant, e.g. 2026-11-23T09:00:00Z.", "from");
        }

        if (!TryInstant(to, out var end))
        {
            return ApiProblems.BadRequest($"to '{to}' is not an ISO 8601 instant, e.g. 2026-11-24T09:00:00Z.", "to");
        }

        if (start is not null && end is not null && end < start)
        {
            return ApiProblems.BadRequest($"to ({to}) is before from ({from}).", "to");
        }

        if (limit is < 1 or > DecisionQuery.MaxLimit)
        {
            return ApiProblems.BadRequest($"limit must be 1 to {DecisionQuery.MaxLimit}; got {limit}.", "limit");
        }

        var query = new DecisionQuery(
            Blank(runId), Blank(rule), Blank(ruleSet), wanted, Blank(transition), start, end, limit ?? DecisionQuery.DefaultLimit);
        var decisions = await store.QueryAsync(query, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DecisionSummary>>([.. decisions.Select(DecisionSummary.From)]);
    }

    private static async Task<Results<Ok<DecisionRecord>, ProblemHttpResult>> GetDecision(
        string decisionId, IDecisionStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(decisionId, cancellationToken) is { } decision
            ? TypedResults.Ok(DecisionRecord.From(decision))
            : ApiProblems.NotFound($"No gate decision has id '{decisionId}'.");

    private static bool TryInstant(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        instant = parsed;
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
