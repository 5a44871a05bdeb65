namespace OrleansMlops.Abstractions.Workflows;

/// <summary>
/// A token at a node of a process. <paramref name="ArrivedVia"/> is the sequence flow it came over (joins count them).
/// <paramref name="Activation"/> says which arrival at a node this stay is, counted across the run from 1, so work
/// begun for one stay (a worker's job) is never taken for another's, also when a loop brings the token back to the
/// same node; it is 0 for a token written before arrivals were counted. <paramref name="Incident"/> says why a token
/// whose status is Incident stopped.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.token")]
public sealed record Token(
    [property: Id(0)] string TokenId,
    [property: Id(1)] string NodeId,
    [property: Id(2)] TokenStatus Status,
    [property: Id(3)] int Attempt,
    [property: Id(4)] string? ArrivedVia,
    [property: Id(5)] int Activation = 0,
    [property: Id(6)] string? Incident = null);
