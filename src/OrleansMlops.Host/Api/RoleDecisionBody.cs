namespace OrleansMlops.Host.Api;

/// <summary>Body of a decision on a role request or of a revocation: the comment or reason recorded with it.</summary>
public sealed record RoleDecisionBody(string? Comment);
