using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OrleansMlops.Host.Api;

/// <summary>The <c>from</c>/<c>to</c> query parameters of the log endpoints: optional ISO 8601 instants, in order.</summary>
internal static class QueryWindow
{
    /// <summary>Reads both; on bad input returns the problem naming the parameter (and the window is unusable).</summary>
    public static ProblemHttpResult? TryRead(string? from, string? to, out DateTimeOffset? start, out DateTimeOffset? end)
    {
        end = null;
        if (!TryInstant(from, out start))
        {
            return ApiProblems.BadRequest($"from '{from}' is not an ISO 8601 instant, e.g. 2026-11-23T09:00:00Z.", "from");
        }

        if (!TryInstant(to, out end))
        {
            return ApiProblems.BadRequest($"to '{to}' is not an ISO 8601 instant, e.g. 2026-11-24T09:00:00Z.", "to");
        }

        return start is not null && end is not null && end < start
            ? ApiProblems.BadRequest($"to ({to}) is before from ({from}).", "to")
            : null;
    }

    /// <summary>A filter value, or null when the parameter is absent or blank.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

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
}
