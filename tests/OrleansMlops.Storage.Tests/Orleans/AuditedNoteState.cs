using OrleansMlops.Abstractions.Audit;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Storage.Runs;

namespace OrleansMlops.Storage.Tests.Orleans;

[GenerateSerializer, Alias("storage-tests.audited-note-state")]
public sealed class AuditedNoteState : IAuditedGrainState, IDecisionOutboxState, IIndexedRunState
{
    [Id(0)]
    public List<string> Notes { get; set; } = [];

    [Id(1)]
    public List<AuditRecord> AuditOutbox { get; set; } = [];

    [Id(2)]
    public string HeadHash { get; set; } = AuditChain.GenesisHash;

    [Id(3)]
    public List<GateDecision> DecisionOutbox { get; set; } = [];

    [field: NonSerialized]
    public RunSummary? PendingIndexRow { get; set; }
}
