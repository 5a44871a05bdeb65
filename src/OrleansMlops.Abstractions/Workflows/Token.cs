namespace OrleansMlops.Abstractions.Workflows;

/// <summary>A token at a node of a process. <paramref name="ArrivedVia"/> is the sequence flow it came over (joins count them).</summary>
[GenerateSerializer, Immutable, Alias("mlops.token")]
public sealed record Token(
    [property: Id(0)] string TokenId,
    [property: Id(1)] string NodeId,
    [property: Id(2)] TokenStatus Status,
    [property: Id(3)] int Attempt,
    [property: Id(4)] string? ArrivedVia);
