namespace OrleansMlops.Documents.Facts;

/// <summary>A person's decision on a user task as the audit trail records it.</summary>
internal sealed record SignOff(long Sequence, string Kind, string Actor, DateTimeOffset At, string? Task, string? Gate, string? ActorRole, string? Comment);
