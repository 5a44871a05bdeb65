using System.Collections.Immutable;

namespace OrleansMlops.Governance.Loading;

/// <summary>A rule set file after its structure was validated, before its expressions are checked and compiled.</summary>
internal sealed record RuleSetDefinition(
    string Id,
    string Title,
    string Owner,
    ImmutableArray<string> AppliesTo,
    EffectiveWindow Window,
    ImmutableArray<WorkflowDefinition> Workflows)
{
    public IEnumerable<RuleDefinition> Rules => Workflows.SelectMany(w => w.Rules);
}
