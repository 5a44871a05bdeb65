namespace OrleansMlops.Host.Api;

/// <summary>Run ids are short, URL-safe and chosen by the server unless a caller brings its own (for idempotent starts).</summary>
internal static class RunIds
{
    public const int MaxLength = 64;

    public static string New() => $"run-{Guid.NewGuid():N}";

    public static bool IsValid(string runId) =>
        runId.Length is > 0 and <= MaxLength && runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
