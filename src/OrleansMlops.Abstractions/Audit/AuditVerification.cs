namespace OrleansMlops.Abstractions.Audit;

/// <summary>The result of checking a run's audit chain against the run's own record of its head.</summary>
[GenerateSerializer, Immutable, Alias("mlops.audit-verification")]
public sealed record AuditVerification(
    [property: Id(0)] string RunId,
    [property: Id(1)] bool Valid,
    [property: Id(2)] long RecordCount,
    [property: Id(3)] long ExpectedHeadSequence,
    [property: Id(4)] string? HeadHash,
    [property: Id(5)] IReadOnlyList<string> Problems);
