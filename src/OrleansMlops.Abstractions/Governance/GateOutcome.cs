namespace OrleansMlops.Abstractions.Governance;

public enum GateOutcome
{
    Allowed,
    Blocked,

    /// <summary>The gate could not be evaluated; treated as Blocked (fail closed).</summary>
    Error,
}
