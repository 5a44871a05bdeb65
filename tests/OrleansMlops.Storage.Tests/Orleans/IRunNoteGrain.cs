namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>String-keyed: Orleans stores its key in the key-extension column.</summary>
[Alias("storage-tests.run-note")]
public interface IRunNoteGrain : IGrainWithStringKey
{
    Task Write(string note);

    Task<string?> Read();
}
