using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.Grains.Runs;

/// <summary>Refuses start requests a run should never store, naming the offending field.</summary>
internal static class RunRequestValidation
{
    public const int MaxParameters = 100;
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 4_000;

    public static void Validate(StartRunRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.WorkflowId))
        {
            throw Invalid("workflowId is required.");
        }

        if (string.IsNullOrWhiteSpace(request.StartedBy?.Id))
        {
            throw Invalid("the starting identity is required.");
        }

        if (request.Parameters.Count > MaxParameters)
        {
            throw Invalid($"at most {MaxParameters} parameters are allowed; got {request.Parameters.Count}.");
        }

        foreach (var (name, value) in request.Parameters)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
            {
                throw Invalid($"parameter name '{name}' must be 1 to {MaxNameLength} characters.");
            }

            if (value.Text is { Length: > MaxTextLength })
            {
                throw Invalid($"parameter '{name}' is longer than {MaxTextLength} characters.");
            }

            if (RunThresholds.Problem(name, value) is { } threshold)
            {
                throw Invalid(threshold);
            }

            if (name == ModelTags.Parameter && TagsProblem(value) is { } tags)
            {
                throw Invalid(tags);
            }
        }
    }

    // The tags the train stage will register, checked before the run starts rather than when the stage fails.
    private static string? TagsProblem(Variable value) =>
        value.Kind != VariableKind.Text
            ? $"parameter '{ModelTags.Parameter}' must be comma-separated text, e.g. \"retail,scorecard\"; got '{value}'."
            : ModelTags.Problem(ModelTags.Split(value.Text)) is { } problem ? $"parameter '{ModelTags.Parameter}': {problem}" : null;

    private static RunException Invalid(string message) => new(RunErrorCode.InvalidRequest, $"Invalid start request: {message}");
}
