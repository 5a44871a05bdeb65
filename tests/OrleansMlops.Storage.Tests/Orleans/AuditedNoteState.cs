using OrleansMlops.Storage.Audit;

namespace OrleansMlops.Storage.Tests.Orleans;

[GenerateSerializer, Alias("storage-tests.audited-note-state")]
public sealed class AuditedNoteState
{
    [Id(0)]
    public List<string> Notes { get; set; } = [];

    [Id(2)]
    public string HeadHash { get; set; } = AuditChain.GenesisHash;
}
