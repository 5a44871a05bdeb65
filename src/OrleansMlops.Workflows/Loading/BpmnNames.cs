using System.Collections.Frozen;
using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>The BPMN 2.0 vocabulary the loader recognises, and which parts of it carry no execution semantics here.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    public static readonly XNamespace Mlops = MlopsBpmn.Namespace;

    /// <summary>Process children that describe, decorate or document; the run does not depend on them.</summary>
    public static readonly FrozenSet<string> IgnoredInProcess = FrozenSet.ToFrozenSet(
        [
            "laneSet", "documentation", "extensionElements", "textAnnotation", "association", "group", "category",
            "dataObject", "dataObjectReference", "dataStoreReference", "property", "auditing", "monitoring",
            "performer", "humanPerformer", "potentialOwner", "resourceRole", "supports",
        ],
        StringComparer.Ordinal);

    /// <summary>
    /// Children of a supported node that carry no semantics here: flow cross-references, documentation, data
    /// associations and data declarations (variables are process-wide), and resource roles (candidate roles come
    /// from <c>mlops:candidateRoles</c>).
    /// </summary>
    public static readonly FrozenSet<string> IgnoredInNode = FrozenSet.ToFrozenSet(
        [
            "incoming", "outgoing", "documentation", "extensionElements", "auditing", "monitoring", "property",
            "dataInputAssociation", "dataOutputAssociation", "dataInput", "dataOutput", "inputSet", "outputSet",
            "performer", "humanPerformer", "potentialOwner", "resourceRole", "rendering", "categoryValueRef",
        ],
        StringComparer.Ordinal);

    public const string EventDefinitionSuffix = "EventDefinition";

    public const string EventDefinitionRef = "eventDefinitionRef";

    public const string TimerEventDefinition = "timerEventDefinition";

    public const string TerminateEventDefinition = "terminateEventDefinition";

    public const string IoSpecification = "ioSpecification";

    public static bool IsEventDefinition(XElement element) =>
        element.Name.Namespace == Model
        && (element.Name.LocalName.EndsWith(EventDefinitionSuffix, StringComparison.Ordinal)
            || element.Name.LocalName == EventDefinitionRef);
}
