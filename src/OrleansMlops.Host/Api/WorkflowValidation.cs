using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Host.Api;

/// <summary>
/// POST /api/workflows/validate answer: whether publishing the document would be accepted, what process it declares,
/// and otherwise every problem with its element and line, exactly as a refused publish lists them.
/// </summary>
public sealed record WorkflowValidation(
    bool Valid,
    string? ProcessId,
    string? Name,
    string? ContentHash,
    IReadOnlyList<WorkflowProblem> Problems);
