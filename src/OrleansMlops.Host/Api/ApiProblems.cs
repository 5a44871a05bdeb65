using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions.Governance.Proposals;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Governance;

namespace OrleansMlops.Host.Api;

/// <summary>Every API error is a ProblemDetails that says what is wrong and where.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult From(RunException e) => TypedResults.Problem(
        title: TitleOf(e.Code),
        detail: e.Message,
        statusCode: StatusOf(e.Code),
        type: $"https://orleans-mlops.dev/problems/{e.Code}",
        extensions: new Dictionary<string, object?> { ["code"] = e.Code.ToString() });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult BadRequest(string detail, string? where = null) => TypedResults.Problem(
        title: "Invalid request",
        detail: detail,
        statusCode: StatusCodes.Status400BadRequest,
        extensions: where is null ? null : new Dictionary<string, object?> { ["where"] = where });

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(title: "Not signed in", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Not permitted", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    /// <summary>A rule set that was not activated (or not dry-run): the phase and, where known, the rule and expression at fault.</summary>
    public static ProblemHttpResult RuleSetRefused(GovernanceException e) => TypedResults.Problem(
        title: "Rule set refused",
        detail: e.Message,
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?>
        {
            ["phase"] = e.Phase.ToString(),
            ["ruleSet"] = e.RuleSetId,
            ["rule"] = e.RuleName,
            ["expression"] = e.Expression,
            ["reason"] = e.Reason,
        });

    public static ProblemHttpResult WorkflowRefused(string workflowId, IReadOnlyList<WorkflowProblem> problems) => TypedResults.Problem(
        title: "Workflow refused",
        detail: $"Workflow '{workflowId}' was not published: {problems.Count} problem(s).",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["problems"] = problems });

    /// <summary>A role directory refusal: who may not do what, or which role change is not allowed.</summary>
    public static ProblemHttpResult From(RoleDirectoryException e) => TypedResults.Problem(
        title: e.Code switch
        {
            RoleDirectoryErrorCode.SelfGrant => "Nobody decides their own roles",
            RoleDirectoryErrorCode.SecondAdminRequired => "A second admin must approve",
            RoleDirectoryErrorCode.NotFound => "Not found",
            RoleDirectoryErrorCode.AlreadyDecided => "Already decided",
            RoleDirectoryErrorCode.InvalidRequest => "Invalid request",
            RoleDirectoryErrorCode.TooFewAdmins => "Too few admins would remain",
            _ => "Not permitted",
        },
        detail: e.Message,
        statusCode: StatusOf(e.Code),
        type: $"https://orleans-mlops.dev/problems/{e.Code}",
        extensions: new Dictionary<string, object?> { ["code"] = e.Code.ToString() });

    /// <summary>A refused change to a control: who may not, what is stale, or (422) where the candidate itself is refused.</summary>
    public static ProblemHttpResult From(ProposalException e) => TypedResults.Problem(
        title: e.Code switch
        {
            ProposalErrorCode.SecondPersonRequired => "A second person must approve",
            ProposalErrorCode.NotFound => "Not found",
            ProposalErrorCode.AlreadyDecided => "Already decided",
            ProposalErrorCode.Stale => "Proposal is out of date",
            ProposalErrorCode.Unchanged => "Already in force",
            ProposalErrorCode.CandidateRefused => "Rule set refused",
            ProposalErrorCode.InvalidRequest => "Invalid request",
            _ => "Not permitted",
        },
        detail: e.Message,
        statusCode: StatusOf(e.Code),
        type: $"https://orleans-mlops.dev/problems/{e.Code}",
        extensions: e.Refusal is { } refusal
            ? new Dictionary<string, object?>
            {
                ["code"] = e.Code.ToString(),
                ["phase"] = refusal.Phase,
                ["ruleSet"] = refusal.RuleSetId,
                ["rule"] = refusal.RuleName,
                ["expression"] = refusal.Expression,
                ["reason"] = refusal.Reason,
            }
            : new Dictionary<string, object?> { ["code"] = e.Code.ToString() });

    /// <summary>Runs a change to a control and answers its refusal as <see cref="From(ProposalException)"/>.</summary>
    public static async Task<Results<T, ProblemHttpResult>> Refusable<T>(Func<Task<T>> change)
        where T : IResult
    {
        try
        {
            return await change();
        }
        catch (ProposalException refused)
        {
            return From(refused);
        }
    }

    public static int StatusOf(ProposalErrorCode code) => code switch
    {
        ProposalErrorCode.InvalidRequest => StatusCodes.Status400BadRequest,
        ProposalErrorCode.NotFound => StatusCodes.Status404NotFound,
        ProposalErrorCode.AlreadyDecided or ProposalErrorCode.Stale or ProposalErrorCode.Unchanged => StatusCodes.Status409Conflict,
        ProposalErrorCode.CandidateRefused => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status403Forbidden,
    };

    public static int StatusOf(RoleDirectoryErrorCode code) => code switch
    {
        RoleDirectoryErrorCode.InvalidRequest => StatusCodes.Status400BadRequest,
        RoleDirectoryErrorCode.NotFound => StatusCodes.Status404NotFound,
        RoleDirectoryErrorCode.AlreadyDecided or RoleDirectoryErrorCode.TooFewAdmins => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status403Forbidden,
    };

    private static int StatusOf(RunErrorCode code) => code switch
    {
        RunErrorCode.NotFound or RunErrorCode.UnknownWorkflow or RunErrorCode.UnknownTask => StatusCodes.Status404NotFound,
        RunErrorCode.InvalidRequest => StatusCodes.Status400BadRequest,
        RunErrorCode.NotPermitted => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status409Conflict,
    };

    private static string TitleOf(RunErrorCode code) => code switch
    {
        RunErrorCode.NotFound => "Run not found",
        RunErrorCode.AlreadyStarted => "Run already started",
        RunErrorCode.UnknownWorkflow => "Workflow not found",
        RunErrorCode.InvalidRequest => "Invalid request",
        RunErrorCode.WrongState => "Run is in the wrong state",
        RunErrorCode.UnknownTask => "Task not found",
        RunErrorCode.NotPermitted => "Not permitted",
        RunErrorCode.GateRefused => "Refused by governance",
        _ => "Run refused the command",
    };
}
