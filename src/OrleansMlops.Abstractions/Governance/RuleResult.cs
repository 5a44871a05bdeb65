namespace OrleansMlops.Abstractions.Governance;

/// <summary>One rule's verdict. <paramref name="Message"/> explains a failure (null when passed).</summary>
[GenerateSerializer, Immutable, Alias("mlops.rule-result")]
public sealed record RuleResult(
    [property: Id(0)] string RuleSetId,
    [property: Id(1)] string RuleName,
    [property: Id(2)] bool Passed,
    [property: Id(3)] string? Message);
