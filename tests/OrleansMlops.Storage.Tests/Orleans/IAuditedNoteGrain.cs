namespace OrleansMlops.Storage.Tests.Orleans;

public interface IAuditedNoteGrain : IGrainWithStringKey
{
    /// <summary>Adds a note, chains an audit record, decides and indexes it, all in one transition.</summary>
    Task Add(string note);

    /// <summary>The notes of the state the grain works on.</summary>
    Task<IReadOnlyList<string>> Notes();

    /// <summary>The notes of the state as last stored.</summary>
    Task<IReadOnlyList<string>> CommittedNotes();
}
