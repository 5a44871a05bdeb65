namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>
/// A model the worker trained: registered as the run's new version with this lineage and the completion's artifact
/// (which it therefore needs). The lineage needs the data set id and version, the code commit and at least the
/// training file (role "train"); purpose, risk class, owner, tier and tags come from the run.
/// </summary>
public sealed record ModelBody(
    string? Name,
    string? DatasetId,
    string? DatasetVersion,
    DatasetFileBody[]? Files,
    string? CodeCommit,
    Dictionary<string, string>? Parameters,
    Dictionary<string, string>? Environment,
    string[]? ProtectedAttributes);
