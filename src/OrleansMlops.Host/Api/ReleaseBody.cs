namespace OrleansMlops.Host.Api;

/// <summary>
/// A promotion (<see cref="Environment"/> required) or a rollback (the environment is in the route) request; the
/// <see cref="Reason"/> is recorded in the run and the environment's history.
/// </summary>
public sealed record ReleaseBody(string? Environment, string? Reason);
