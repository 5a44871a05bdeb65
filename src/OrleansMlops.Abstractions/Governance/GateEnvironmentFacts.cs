namespace OrleansMlops.Abstractions.Governance;

/// <summary>The environment a transition targets and how the engine is configured to keep records there (AI Act Art. 12, 19).</summary>
[GenerateSerializer, Immutable, Alias("mlops.gate-environment-facts")]
public sealed record GateEnvironmentFacts(
    [property: Id(0)] string Name,
    [property: Id(1)] bool AuditTrailEnabled,
    [property: Id(2)] bool PredictionLoggingEnabled,
    [property: Id(3)] int LogRetentionDays)
{
    /// <summary>The environment a version must be live in before it may be released here (null: none, e.g. the first stage).</summary>
    [Id(4)]
    public string? PromoteFrom { get; init; }

    public static GateEnvironmentFacts None { get; } = new("none", AuditTrailEnabled: true, PredictionLoggingEnabled: false, LogRetentionDays: 0);
}
