namespace OrleansMlops.Governance.Versions;

/// <summary>A different version is already stored under this rule set id and version number.</summary>
public sealed class RuleSetVersionConflictException : Exception
{
    public RuleSetVersionConflictException(string ruleSetId, int version)
        : base($"Rule set '{ruleSetId}' already has a different version {version}; versions are append-only.")
    {
        RuleSetId = ruleSetId;
        Version = version;
    }

    public string RuleSetId { get; }

    public int Version { get; }
}
