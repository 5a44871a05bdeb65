namespace OrleansMlops.Host.Operations;

/// <summary>A browser session for the dashboard: where to open it and until when the session cookie holds.</summary>
public sealed record DashboardSession(string Path, DateTimeOffset ExpiresAt);
