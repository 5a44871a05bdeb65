using System.Text.Json;

namespace OrleansMlops.Host.Api;

/// <summary>POST /api/runs body. Parameters are JSON strings, numbers or booleans; they become run variables.</summary>
public sealed record StartRunBody(
    string? WorkflowId,
    int? Version,
    Dictionary<string, JsonElement>? Parameters,
    string? RunId);
