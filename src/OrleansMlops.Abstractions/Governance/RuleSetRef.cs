namespace OrleansMlops.Abstractions.Governance;

/// <summary>Identifies the exact rule set version a decision used.</summary>
[GenerateSerializer, Immutable, Alias("mlops.rule-set-ref")]
public sealed record RuleSetRef(
    [property: Id(0)] string RuleSetId,
    [property: Id(1)] int Version,
    [property: Id(2)] string ContentHash);
