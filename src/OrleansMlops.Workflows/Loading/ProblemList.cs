using System.Collections.Immutable;
using System.Xml.Linq;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Workflows;

/// <summary>
/// Collects every problem of a document, so a modeler fixes them all in one round instead of one per upload. Past
/// <c>maxListed</c> problems only the count grows: 50,000 elements without ids would otherwise answer a 600 KB upload
/// with megabytes of problems.
/// </summary>
internal sealed class ProblemList(int maxListed)
{
    private readonly List<WorkflowProblem> problems = [];
    private WorkflowProblem? firstUnlisted;
    private int unlisted;

    public bool Any => problems.Count > 0;

    public int Count => problems.Count + unlisted;

    /// <summary>A problem on <paramref name="element"/>; <paramref name="kind"/> refines its local name, e.g. "boundaryEvent (messageEventDefinition)".</summary>
    public void Add(XElement element, string message, string? kind = null) =>
        Add(new WorkflowProblem(message, element.Id(), kind ?? element.Kind(), element.Line(), element.Column()));

    /// <summary>A problem located by an element but owned by another, e.g. a condition inside a sequence flow.</summary>
    public void Add(XElement owner, XElement location, string message, string? kind = null) =>
        Add(new WorkflowProblem(message, owner.Id(), kind ?? owner.Kind(), location.Line(), location.Column()));

    public void Add(WorkflowProblem problem)
    {
        if (problems.Count < maxListed)
        {
            problems.Add(problem);
            return;
        }

        firstUnlisted ??= problem;
        unlisted++;
    }

    public void Unsupported(XElement element, string? kind = null, string? why = null) =>
        Add(element, why is null ? "unsupported element" : $"unsupported element: {why}", kind);

    /// <summary>The listed problems, then one saying how many more there are and where the first of them is.</summary>
    public ImmutableArray<WorkflowProblem> ToImmutable() => firstUnlisted is { } first
        ? [.. problems, new WorkflowProblem(
            $"{unlisted} more problem(s) not listed: only the first {maxListed} are; the next is '{first.Message}'",
            first.ElementId,
            first.ElementKind,
            first.Line,
            first.Column)]
        : [.. problems];
}
