using System.Collections.Immutable;
using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Documents;

/// <summary>
/// Everything the evidence documents of one model version are generated from: the registry view of the version, the
/// gate decisions of the run that owns it, and that run's audit records (who signed off, when). Callers fill it from
/// the grains or the stores; the documents hold nothing that is not in here.
/// </summary>
public sealed record ModelEvidence(
    ModelVersionView Version,
    ImmutableArray<GateDecision> Decisions,
    ImmutableArray<AuditRecord> Audit)
{
    /// <summary>A version with no recorded decisions or audit records (the documents then say so).</summary>
    public ModelEvidence(ModelVersionView version)
        : this(version, [], [])
    {
    }
}
