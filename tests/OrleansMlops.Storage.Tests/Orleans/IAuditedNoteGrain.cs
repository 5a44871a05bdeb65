namespace OrleansMlops.Storage.Tests.Orleans;

public interface IAuditedNoteGrain : IGrainWithStringKey
{
    /// <summary>Adds a note, chains an audit record, decides and indexes it, all in one state write.</summary>
    Task Add(string note);

    Task<IReadOnlyList<string>> Notes();

    /// <summary>Audit records and decisions still waiting in the outboxes of the state in memory.</summary>
    Task<int> OutboxCount();
}
