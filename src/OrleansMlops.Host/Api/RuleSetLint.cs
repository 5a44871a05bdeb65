using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Host.Api;

/// <summary>
/// POST /api/policies/lint answer: whether activating the rule set would be accepted (loaded, checked for safety and
/// compiled exactly as a file), what it declares, the version in force it would replace, and otherwise what refused it.
/// </summary>
public sealed record RuleSetLint(
    bool Valid,
    string? RuleSetId,
    string? ContentHash,
    IReadOnlyList<string> AppliesTo,
    int RuleCount,
    RuleSetRef? Replaces,
    IReadOnlyList<RuleSetProblem> Problems);
