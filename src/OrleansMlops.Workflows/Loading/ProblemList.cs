using System.Collections.Immutable;
using System.Xml.Linq;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Workflows;

/// <summary>Collects every problem of a document, so a modeler fixes them all in one round instead of one per upload.</summary>
internal sealed class ProblemList
{
    private readonly List<WorkflowProblem> problems = [];

    public bool Any => problems.Count > 0;

    public int Count => problems.Count;

    /// <summary>A problem on <paramref name="element"/>; <paramref name="kind"/> refines its local name, e.g. "boundaryEvent (messageEventDefinition)".</summary>
    public void Add(XElement element, string message, string? kind = null) =>
        problems.Add(new WorkflowProblem(message, element.Id(), kind ?? element.Kind(), element.Line(), element.Column()));

    /// <summary>A problem located by an element but owned by another, e.g. a condition inside a sequence flow.</summary>
    public void Add(XElement owner, XElement location, string message, string? kind = null) =>
        problems.Add(new WorkflowProblem(message, owner.Id(), kind ?? owner.Kind(), location.Line(), location.Column()));

    public void Add(WorkflowProblem problem) => problems.Add(problem);

    public void Unsupported(XElement element, string? kind = null, string? why = null) =>
        Add(element, why is null ? "unsupported element" : $"unsupported element: {why}", kind);

    public ImmutableArray<WorkflowProblem> ToImmutable() => [.. problems];
}
