using System.Collections.Immutable;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Workflows;

/// <summary>A BPMN document was refused; <see cref="Problems"/> says every reason found, not only the first.</summary>
public sealed class WorkflowDefinitionException : Exception
{
    public WorkflowDefinitionException(IEnumerable<WorkflowProblem> problems)
        : this(problems.ToImmutableArray())
    {
    }

    private WorkflowDefinitionException(ImmutableArray<WorkflowProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public ImmutableArray<WorkflowProblem> Problems { get; }

    private static string Describe(ImmutableArray<WorkflowProblem> problems)
    {
        var lines = problems.Select(problem => $"  - {problem}");
        var count = problems.Length == 1 ? "1 problem" : $"{problems.Length} problems";
        return $"The BPMN document was refused ({count}):\n{string.Join("\n", lines)}";
    }
}
