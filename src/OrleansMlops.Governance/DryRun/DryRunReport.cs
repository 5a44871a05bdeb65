using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.DryRun;

/// <summary>
/// What activating a candidate would have changed over past decisions. <paramref name="Candidate"/> has version 0 (not
/// activated); <paramref name="Replaces"/> is the version in force it would replace (null: a new rule set).
/// </summary>
public sealed record DryRunReport(RuleSetRef Candidate, RuleSetRef? Replaces, ImmutableArray<DryRunEntry> Decisions)
{
    public int Evaluated => Decisions.Length;

    public int Changed => Decisions.Count(d => d.Changed);

    /// <summary>Decisions that were allowed and would now be blocked or in error.</summary>
    public int NewlyBlocked => Decisions.Count(d => d.OldOutcome == GateOutcome.Allowed && d.NewOutcome != GateOutcome.Allowed);

    /// <summary>Decisions that were blocked or in error and would now be allowed.</summary>
    public int NewlyAllowed => Decisions.Count(d => d.OldOutcome != GateOutcome.Allowed && d.NewOutcome == GateOutcome.Allowed);
}
