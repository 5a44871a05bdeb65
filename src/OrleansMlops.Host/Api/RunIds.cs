using OrleansMlops.Abstractions;
using OrleansMlops.Host.Api.Idempotency;

namespace OrleansMlops.Host.Api;

/// <summary>
/// Run ids are short, URL-safe and chosen by the server unless a caller brings its own (for idempotent starts). The
/// server's ids sort by start time (<see cref="TimeOrderedId"/>), so a run's rows land next to those of the runs started with it.
/// </summary>
internal static class RunIds
{
    public const int MaxLength = 64;

    public static string New(DateTimeOffset at) => $"run-{TimeOrderedId.New(at)}";

    /// <summary>The run a request with an Idempotency-Key reserved (every retry starts that one), else a new id.</summary>
    public static string New(HttpRequest request, DateTimeOffset at) =>
        IdempotentEndpoint.ReservedId(request) is { } reserved ? $"run-{reserved}" : New(at);

    public static bool IsValid(string runId) =>
        runId.Length is > 0 and <= MaxLength && runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
