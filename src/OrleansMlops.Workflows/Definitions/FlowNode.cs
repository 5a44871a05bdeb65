namespace OrleansMlops.Workflows;

/// <summary>
/// A node of an executable process. <paramref name="Line"/> is where it is declared in the BPMN file, so runtime
/// messages can point modelers at the shape they drew.
/// </summary>
public abstract record FlowNode(string Id, string? Name, int Line)
{
    /// <summary>The name when the modeler gave one, else the id: what messages should show a person.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
