namespace OrleansMlops.Abstractions.Workflows;

/// <summary>One reason a BPMN document was refused: what is wrong, on which element, and where in the file.</summary>
[GenerateSerializer, Immutable, Alias("mlops.workflow-problem")]
public sealed record WorkflowProblem(
    [property: Id(0)] string Message,
    [property: Id(1)] string? ElementId,
    [property: Id(2)] string? ElementKind,
    [property: Id(3)] int? Line,
    [property: Id(4)] int? Column)
{
    public override string ToString()
    {
        var where = Line is null ? string.Empty : $" (line {Line}, column {Column})";
        var element = ElementId is null ? string.Empty : $"{ElementKind} '{ElementId}': ";
        return $"{element}{Message}{where}";
    }
}
