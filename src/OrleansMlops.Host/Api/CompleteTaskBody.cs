namespace OrleansMlops.Host.Api;

/// <summary>POST /api/runs/{runId}/tasks/{taskId} body: "approve" or "reject", with an optional comment.</summary>
public sealed record CompleteTaskBody(string? Decision, string? Comment);
