using System.Security.Cryptography;
using System.Text;

namespace OrleansMlops.Workflows;

/// <summary>
/// Turns BPMN 2.0 XML written by a modeler (Camunda Modeler/bpmn-js, Signavio, Trisotech...) into an executable
/// <see cref="ProcessDefinition"/>, or refuses it with every problem found.
/// </summary>
/// <remarks>
/// <para>
/// Supported: a plain start event, plain and terminate end events, <c>task</c>/<c>serviceTask</c> bound to a stage by
/// <c>mlops:stage</c>, <c>userTask</c> with <c>mlops:candidateRoles</c>, exclusive gateways with conditions and a default
/// flow, parallel gateways, interrupting timer boundary events on user tasks, and timer intermediate catch events, all
/// with <c>timeDuration</c> timers.
/// </para>
/// <para>
/// Ignored, because they carry no execution semantics here: diagram (<c>bpmndi</c>) content, lanes, documentation,
/// extension elements, text annotations, associations, groups, categories, data objects and stores and their
/// associations, properties, empty <c>ioSpecification</c>s, resource roles, elements and attributes of foreign
/// namespaces, and definitions-level elements such as messages, signals, item definitions and collaborations.
/// </para>
/// <para>
/// Only one process is executed: the one named by <see cref="BpmnLoadOptions.ProcessId"/>, else the only process,
/// else the only one marked <c>isExecutable="true"</c>. Other pools are partners' processes drawn for context: they
/// are neither run nor validated, so a file with decorative pools still loads. A message flow that touches the
/// executed process is refused, since the run would have to exchange messages.
/// </para>
/// <para>
/// Refused, with one problem per element (id, kind, line and column): every other element of the executed process
/// (sub-processes, call activities, script, send, receive, manual and business-rule tasks, inclusive, event-based and
/// complex gateways, throw events, message/signal/error/escalation/conditional/compensation/link events, loop and
/// multi-instance characteristics, data input/output specifications...). A refused container is reported once; its
/// contents are not examined.
/// </para>
/// </remarks>
public static class BpmnLoader
{
    /// <exception cref="WorkflowDefinitionException">The document is not XML we accept or not a process we can run.</exception>
    public static ProcessDefinition Load(string xml, BpmnLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        options ??= BpmnLoadOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxCharacters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxDepth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxElements);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxProblemsListed);

        var problems = new ProblemList(options.MaxProblemsListed);
        var definition = Read(xml, options, problems);
        if (problems.Any || definition is null)
        {
            throw new WorkflowDefinitionException(problems.ToImmutable());
        }

        return definition;
    }

    private static ProcessDefinition? Read(string xml, BpmnLoadOptions options, ProblemList problems)
    {
        var document = SecureXmlReader.Read(xml, options, problems);
        if (document?.Root is not { } root)
        {
            return null;
        }

        if (root.Name != BpmnNames.Model + "definitions")
        {
            problems.Add(root, $"the root element is '{root.Name.LocalName}' in namespace '{root.Name.NamespaceName}', not a BPMN 2.0 definitions element ({BpmnNames.Model.NamespaceName})");
            return null;
        }

        var process = ExecutedProcessSelector.Select(root, options, problems);
        if (process is null)
        {
            return null;
        }

        var processId = process.Id();
        if (processId is null)
        {
            problems.Add(process, "the process has no id");
            return null;
        }

        MessageFlowCheck.Check(root, process, problems);
        DuplicateIdCheck.Check(process, problems);
        var content = ProcessReader.Read(process, options, problems);
        GraphValidator.Validate(content, process, problems);
        if (problems.Any)
        {
            return null;
        }

        return new ProcessDefinition(
            processId,
            process.DisplayName() ?? MessageFlowCheck.ParticipantName(root, processId),
            ContentHash(xml),
            [.. content.Nodes.Select(source => source.Node)],
            [.. content.Flows.Select(source => source.Flow)],
            MlopsAttributes.Of(process).GetList(MlopsBpmn.StartRoles));
    }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 bytes of the document, as given (no normalisation).</summary>
    public static string ContentHash(string xml) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
}
