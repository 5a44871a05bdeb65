namespace OrleansMlops.Host.Api;

/// <summary>POST /api/runs/{runId}/tasks/{taskId} body: "approve" or "reject", with a comment (required to reject).</summary>
public sealed record CompleteTaskBody(string? Decision, string? Comment);
