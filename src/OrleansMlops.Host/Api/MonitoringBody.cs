namespace OrleansMlops.Host.Api;

/// <summary>A monitoring report: the version observed, its metrics by name, and optionally the observation's id (a window, a batch).</summary>
public sealed record MonitoringBody(int? Version, Dictionary<string, double>? Metrics, string? ObservationId);
