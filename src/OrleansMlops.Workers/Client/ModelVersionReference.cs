namespace OrleansMlops.Workers;

/// <summary>The model version a run works on, when it has one.</summary>
public sealed record ModelVersionReference(string Name, int Version);
