using System.Collections.Concurrent;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Workflows;

/// <summary>
/// Parsed definitions by document: every run of a version shares one immutable <see cref="ProcessDefinition"/>
/// instead of parsing its BPMN at each activation.
/// </summary>
public sealed class WorkflowDefinitionCache
{
    private readonly ConcurrentDictionary<string, ProcessDefinition> _byDocument = new(StringComparer.Ordinal);

    /// <summary>Parses (or finds) the definition; throws <see cref="WorkflowDefinitionException"/> when the document is refused.</summary>
    public ProcessDefinition Parse(string bpmnXml) => _byDocument.GetOrAdd(bpmnXml, static xml => BpmnLoader.Load(xml));
}
