using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Storage;
using OrleansMlops.Abstractions.Failures;

namespace OrleansMlops.Host.Api;

/// <summary>
/// Turns exceptions into ProblemDetails: malformed or oversized requests into 4xx naming what is wrong and where, a
/// coded refusal of any area as <see cref="ApiProblems.Describe"/> has it, a cluster that failed mid-call into a 503 to
/// retry, anything else into a 500 that leaks no internals.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            MlopsException refused => ApiProblems.Describe(refused),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(
                StatusCodes.Status413PayloadTooLarge, "Request body too large", exception.Message),
            BadHttpRequestException { InnerException: JsonException json } => Problem(
                StatusCodes.Status400BadRequest, "Malformed JSON", DescribeJson(json)),
            BadHttpRequestException bad => Problem(bad.StatusCode, "Invalid request", bad.Message),
            _ when IsClusterFailure(exception) => Problem(
                StatusCodes.Status503ServiceUnavailable,
                "Engine unavailable, retry",
                "A silo stopped answering while the request was under way; whatever it committed is kept. Retry the same request "
                    + $"(with the same {Idempotency.IdempotentEndpoint.Header} or run id, so nothing is done twice) after Retry-After seconds."),
            _ => Problem(StatusCodes.Status500InternalServerError, "Unexpected error", "The server could not complete the request; see the server log."),
        };

        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    // A dead silo is declared so within about a second (Orleans:Membership), after which its grains answer elsewhere.
    private const string RetryAfterSeconds = "2";

    /// <summary>
    /// A grain call that failed because a silo died or was unreachable mid-way (the runtime's exceptions: silo
    /// unavailable, message rejected; a timeout; an activation whose state another wrote): the work may have been done
    /// up to a commit, and repeating the idempotent request finishes or returns it. Refusals are the grains' own types.
    /// </summary>
    private static bool IsClusterFailure(Exception exception) =>
        exception is OrleansException or TimeoutException or InconsistentStateException;

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static string DescribeJson(JsonException json)
    {
        var where = json.Path is null ? string.Empty : $" at {json.Path}";
        var line = json.LineNumber is null ? string.Empty : $" (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1})";
        return $"The request body is not valid JSON{where}{line}: {json.Message}";
    }
}
