namespace OrleansMlops.Host.Api;

/// <summary>The answer to "which version was live in this environment at that time" (null: none).</summary>
public sealed record LiveVersionAt(string Model, string Environment, DateTimeOffset At, int? Version);
