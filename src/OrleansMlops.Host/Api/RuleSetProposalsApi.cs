using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance.Proposals;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Host.Identity;
using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Host.Api;

/// <summary>
/// Maker-checker for rule sets: proposals (made by <c>PUT /api/policies/{id}</c>), their assessment and candidate, the
/// second author's approval or a rejection with a reason, and the rule-set audit trail.
/// </summary>
public static class RuleSetProposalsApi
{
    public static RouteGroupBuilder MapRuleSetProposalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policies").WithTags("Policies");
        group.MapPut("/{ruleSetId}", Propose).RequirePermission(Permission.ActivateRuleSet);
        group.MapGet("/proposals", List).RequirePermission(Permission.Read);
        group.MapGet("/proposals/{proposalId}", Get).RequirePermission(Permission.Read);
        group.MapGet("/proposals/{proposalId}/content", GetContent).RequirePermission(Permission.Read);
        group.MapPost("/proposals/{proposalId}/approve", Approve).RequirePermission(Permission.ActivateRuleSet);
        group.MapPost("/proposals/{proposalId}/reject", Reject).RequirePermission(Permission.ActivateRuleSet);
        group.MapGet("/audit", ReadAudit).RequirePermission(Permission.ReadAudit);
        group.MapGet("/audit/verify", (IGrainFactory grains) => Changes(grains).VerifyAudit()).RequirePermission(Permission.ReadAudit);
        return group;
    }

    /// <summary>
    /// PUT /api/policies/{id} with the rule set file as the body (its exact bytes) and an optional <c>reason</c>: the
    /// candidate becomes a pending proposal (202) that a second compliance author decides.
    /// </summary>
    private static async Task<Results<Accepted<RuleSetProposal>, ProblemHttpResult>> Propose(
        string ruleSetId, string? reason, HttpRequest request, IGrainFactory grains)
    {
        var content = await PoliciesApi.ReadBytes(request);
        if (content.Length == 0)
        {
            return ApiProblems.BadRequest("The body must be a rule set JSON document (policies/rule-set.schema.json).", "body");
        }

        return await ApiProblems.Refusable(async () =>
        {
            var proposal = await Changes(grains).Propose(ruleSetId, content, reason, Caller.Of(request));
            return TypedResults.Accepted($"/api/policies/proposals/{proposal.ProposalId}", proposal);
        });
    }

    private static async Task<Results<Ok<ImmutableArray<RuleSetProposal>>, ProblemHttpResult>> List(string? status, string? ruleSet, IGrainFactory grains)
    {
        ProposalStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ProposalStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ApiProblems.BadRequest($"status '{status}' is not one of {string.Join(", ", Enum.GetNames<ProposalStatus>())}.", "status");
            }

            wanted = parsed;
        }

        return TypedResults.Ok(await Changes(grains).List(wanted, string.IsNullOrWhiteSpace(ruleSet) ? null : ruleSet));
    }

    private static async Task<Results<Ok<RuleSetProposal>, ProblemHttpResult>> Get(string proposalId, IGrainFactory grains) =>
        await Changes(grains).Get(proposalId) is { } proposal
            ? TypedResults.Ok(proposal)
            : ApiProblems.NotFound($"No rule set proposal has id '{proposalId}'.");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetContent(string proposalId, IGrainFactory grains) =>
        await Changes(grains).GetContent(proposalId) is { } content
            ? TypedResults.File(content, "application/json")
            : ApiProblems.NotFound($"Proposal '{proposalId}' is not pending; a decided candidate's content is in the rule set audit trail (/api/policies/audit).");

    private static Task<Results<Ok<RuleSetProposal>, ProblemHttpResult>> Approve(
        string proposalId, ReviewBody? body, HttpRequest request, IGrainFactory grains) =>
        ApiProblems.Refusable(async () => TypedResults.Ok(await Changes(grains).Approve(proposalId, Caller.Of(request), body?.Comment)));

    private static Task<Results<Ok<RuleSetProposal>, ProblemHttpResult>> Reject(
        string proposalId, ReviewBody? body, HttpRequest request, IGrainFactory grains) =>
        ApiProblems.Refusable(async () => TypedResults.Ok(await Changes(grains).Reject(proposalId, Caller.Of(request), body?.Reason ?? string.Empty)));

    private static async Task<Ok<IReadOnlyList<AuditRecord>>> ReadAudit(IGrainFactory grains, IAuditStore audit, CancellationToken cancellationToken)
    {
        await Changes(grains).RecordOperatorActivations();
        return TypedResults.Ok(await audit.ReadAsync(IRuleSetChangeGrain.AuditStream, cancellationToken));
    }

    private static IRuleSetChangeGrain Changes(IGrainFactory grains) => grains.GetGrain<IRuleSetChangeGrain>(IRuleSetChangeGrain.Key);
}
