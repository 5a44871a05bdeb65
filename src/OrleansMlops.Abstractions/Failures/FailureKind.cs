namespace OrleansMlops.Abstractions.Failures;

/// <summary>
/// What sort of failure a coded refusal is, in terms any caller understands (the HTTP API derives its status from it,
/// the CLI its wording), so the areas that refuse need not know about HTTP.
/// </summary>
public enum FailureKind
{
    /// <summary>The command itself is malformed: a missing field, a value out of range.</summary>
    Invalid,

    /// <summary>The command is well-formed but what it carries is refused on its merits (a candidate that fails its checks).</summary>
    InvalidContent,

    /// <summary>The caller may not do this.</summary>
    Forbidden,

    /// <summary>What the command names does not exist.</summary>
    NotFound,

    /// <summary>The command does not fit the current state: already done, out of date, in the wrong state.</summary>
    Conflict,
}
