using Microsoft.Extensions.Options;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Workflows;

/// <summary>Which designer-published workflow versions wait for a second designer (<c>WorkflowApproval</c>).</summary>
public sealed class WorkflowApprovalOptions
{
    public const string Section = "WorkflowApproval";

    /// <summary>The stage kinds that put models into or out of service; a workflow with one of them can release models.</summary>
    public static readonly IReadOnlySet<string> ReleasingStages = new HashSet<string>(StringComparer.Ordinal) { "deploy", "rollback" };

    /// <summary>The rule for workflows <see cref="Workflows"/> does not name.</summary>
    public WorkflowApprovalRule Default { get; set; } = WorkflowApprovalRule.Releasing;

    /// <summary>Per workflow id, a rule that replaces <see cref="Default"/> (configuration, so a designer cannot waive it in the file).</summary>
    public Dictionary<string, WorkflowApprovalRule> Workflows { get; set; } = new(StringComparer.Ordinal);

    public bool RequiresApproval(string workflowId, ProcessDefinition definition) =>
        (Workflows.TryGetValue(workflowId, out var rule) ? rule : Default) switch
        {
            WorkflowApprovalRule.Always => true,
            WorkflowApprovalRule.Never => false,
            _ => definition.Nodes.Values.OfType<StageTask>().Any(task => ReleasingStages.Contains(task.Stage)),
        };
}

public enum WorkflowApprovalRule
{
    /// <summary>A second designer approves versions that contain a releasing stage (deploy, rollback).</summary>
    Releasing,

    Always,

    Never,
}

internal sealed class WorkflowApprovalOptionsValidator : IValidateOptions<WorkflowApprovalOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkflowApprovalOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Default))
        {
            failures.Add($"{WorkflowApprovalOptions.Section}:Default must be one of {string.Join(", ", Enum.GetNames<WorkflowApprovalRule>())}.");
        }

        failures.AddRange(options.Workflows
            .Where(w => string.IsNullOrWhiteSpace(w.Key) || !Enum.IsDefined(w.Value))
            .Select(w => $"{WorkflowApprovalOptions.Section}:Workflows:{w.Key} must be one of {string.Join(", ", Enum.GetNames<WorkflowApprovalRule>())}."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
