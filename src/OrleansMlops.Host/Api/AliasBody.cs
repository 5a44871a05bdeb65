namespace OrleansMlops.Host.Api;

/// <summary>Points an alias at a version; the reason is kept in the alias history.</summary>
public sealed record AliasBody(int? Version, string? Reason);
