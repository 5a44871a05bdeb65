namespace OrleansMlops.Abstractions.Runs;

/// <summary>
/// Run ids are lower-case. Grain keys compare exactly, so "rt-1" and "RT-1" would be two runs while the people who
/// quote them in tickets and audit findings read them as one: a new run whose id has an upper-case letter is refused,
/// not renamed, so the caller keeps the id it will look the run up by.
/// </summary>
public static class RunIdCase
{
    /// <summary>What is wrong with <paramref name="runId"/> as the id of a new run, or null when it is lower-case.</summary>
    public static string? Problem(string runId) =>
        runId.Any(char.IsUpper)
            ? $"run id '{runId}' has upper-case letters; run ids are lower-case (e.g. '{runId.ToLowerInvariant()}')."
            : null;
}
