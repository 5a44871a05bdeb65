using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>
/// Refuses any BPMN child of a supported node that would change its behaviour (loop and multi-instance
/// characteristics, data input/output specifications, event definitions the caller did not handle...), so nothing
/// executable is dropped silently. Children in foreign namespaces are tool metadata and are skipped.
/// </summary>
internal static class ChildElementCheck
{
    /// <returns>False when a child was refused.</returns>
    public static bool Check(XElement node, ProblemList problems, Func<XElement, bool>? handledByCaller = null)
    {
        var accepted = true;
        foreach (var child in node.BpmnChildren())
        {
            var name = child.Kind();
            if (BpmnNames.IgnoredInNode.Contains(name) || (handledByCaller?.Invoke(child) ?? false))
            {
                continue;
            }

            if (name == BpmnNames.IoSpecification && IoSpecificationCheck.IsEmpty(child))
            {
                continue;
            }

            problems.Unsupported(node, $"{node.Kind()} ({name})", Explain(name));
            accepted = false;
        }

        return accepted;
    }

    private static string? Explain(string childName) => childName switch
    {
        "multiInstanceLoopCharacteristics" or "standardLoopCharacteristics" => "loops and multi-instance activities are not executed",
        BpmnNames.IoSpecification => "data inputs and outputs are not mapped; run variables are process-wide",
        _ => null,
    };
}
