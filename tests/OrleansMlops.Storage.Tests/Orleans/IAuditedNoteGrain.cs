namespace OrleansMlops.Storage.Tests.Orleans;

public interface IAuditedNoteGrain : IGrainWithStringKey
{
    /// <summary>Adds a note and chains an audit record for it, both in one state write.</summary>
    Task Add(string note);

    Task<IReadOnlyList<string>> Notes();

    /// <summary>Audit records still waiting in the outbox of the state in memory.</summary>
    Task<int> OutboxCount();
}
