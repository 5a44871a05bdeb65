using System.Net;

namespace OrleansMlops.Cli;

/// <summary>
/// What the process exit code means, in one place: scripts branch on these, so they never change meaning.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The call worked but the answer is negative: the audit chain does not verify, a document has problems, the run failed or is blocked, a fixture case failed.</summary>
    public const int NegativeOutcome = 1;

    /// <summary>Bad arguments: unknown command or option, missing argument, unreadable input file.</summary>
    public const int UsageError = 2;

    /// <summary>The host answered 404.</summary>
    public const int NotFound = 3;

    /// <summary>The host answered 401 or 403 (or 429 after too many refused credentials).</summary>
    public const int NotAllowed = 4;

    /// <summary>The host refused the input: 400, 409, 413, 422 and any other 4xx.</summary>
    public const int RejectedInput = 5;

    /// <summary>The host could not be reached, timed out, or answered 5xx.</summary>
    public const int HostUnavailable = 6;

    /// <summary>The help epilogue: every code and its meaning.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Described =
    [
        (Success, "success"),
        (NegativeOutcome, "the answer is negative: audit chain does not verify, validate/lint found problems, run failed or blocked, a policy test case failed"),
        (UsageError, "usage error: bad arguments or an unreadable input file"),
        (NotFound, "not found (HTTP 404)"),
        (NotAllowed, "not allowed (HTTP 401/403): sign in with --token or MLOPS_TOKEN, or ask for the role"),
        (RejectedInput, "input rejected (HTTP 400/409/413/422)"),
        (HostUnavailable, "host unreachable or failing (connection error, timeout, HTTP 5xx)"),
    ];

    public static int FromStatus(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => Success,
        404 => NotFound,
        401 or 403 => NotAllowed,
        // The host answers 429 to an address that presented refused credentials too often: a sign-in problem.
        429 => NotAllowed,
        >= 400 and < 500 => RejectedInput,
        _ => HostUnavailable,
    };
}
