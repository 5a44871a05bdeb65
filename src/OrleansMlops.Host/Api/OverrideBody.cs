namespace OrleansMlops.Host.Api;

/// <summary>POST /api/predictions/{id}/override body: the person's decision ("approve" or "decline") and why.</summary>
public sealed record OverrideBody(string? Outcome, string? Reason);
