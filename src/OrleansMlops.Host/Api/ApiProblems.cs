using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansMlops.Abstractions.Failures;
using OrleansMlops.Abstractions.Governance.Proposals;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Governance;

namespace OrleansMlops.Host.Api;

/// <summary>Every API error is a ProblemDetails that says what is wrong and where.</summary>
internal static class ApiProblems
{
    /// <summary>
    /// A coded refusal of any area: its code names the problem type (and is the <c>code</c> clients switch on), its kind
    /// the status, its facts further members.
    /// </summary>
    public static ProblemHttpResult From(MlopsException e) => TypedResults.Problem(Describe(e));

    public static ProblemDetails Describe(MlopsException e)
    {
        var problem = new ProblemDetails
        {
            Type = $"https://orleans-mlops.dev/problems/{e.ErrorCode}",
            Title = e.Title,
            Detail = e.Message,
            Status = StatusOf(e.Kind),
        };
        problem.Extensions["code"] = e.ErrorCode;
        problem.Extensions["area"] = e.Area;
        foreach (var (name, value) in e.Facts)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    /// <summary>Runs a command and answers a coded refusal of it as <see cref="From(MlopsException)"/>.</summary>
    public static async Task<Results<T, ProblemHttpResult>> Refusable<T>(Func<Task<T>> command)
        where T : IResult
    {
        try
        {
            return await command();
        }
        catch (MlopsException refused)
        {
            return From(refused);
        }
    }

    private static int StatusOf(FailureKind kind) => kind switch
    {
        FailureKind.Invalid => StatusCodes.Status400BadRequest,
        FailureKind.InvalidContent => StatusCodes.Status422UnprocessableEntity,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A failure kind without its status."),
    };

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult BadRequest(string detail, string? where = null) => TypedResults.Problem(
        title: "Invalid request",
        detail: detail,
        statusCode: StatusCodes.Status400BadRequest,
        extensions: where is null ? null : new Dictionary<string, object?> { ["where"] = where });

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(title: "Not signed in", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>
    /// A candidate rule set that could not be dry-run: answered as the same candidate refused when proposed (code,
    /// phase, rule and expression at fault), since it is the same problem.
    /// </summary>
    public static ProblemHttpResult RuleSetRefused(GovernanceException e) => From(new ProposalException(
        new CandidateRefusal(e.Phase.ToString(), e.Reason, e.RuleSetId, e.RuleName, e.Expression), e.Message));

    public static ProblemHttpResult WorkflowRefused(string workflowId, IReadOnlyList<WorkflowProblem> problems) => TypedResults.Problem(
        title: "Workflow refused",
        detail: $"Workflow '{workflowId}' was not published: {problems.Count} problem(s).",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["problems"] = problems });
}
