using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>
/// Collaborations are diagrams of who talks to whom. They are harmless until a message flow touches the executed
/// process: then the run would have to send or wait for a message, which the engine does not do, so it refuses.
/// </summary>
internal static class MessageFlowCheck
{
    public static void Check(XElement definitions, XElement process, ProblemList problems)
    {
        var processId = process.Id();
        var collaborations = definitions.Elements(BpmnNames.Model + "collaboration").ToList();
        if (processId is null || collaborations.Count == 0)
        {
            return;
        }

        var touching = process.Descendants()
            .Select(element => element.Id())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        touching.UnionWith(collaborations
            .SelectMany(collaboration => collaboration.Elements(BpmnNames.Model + "participant"))
            .Where(participant => participant.Reference("processRef") == processId)
            .Select(participant => participant.Id())
            .OfType<string>());

        var messageFlows = collaborations.SelectMany(collaboration => collaboration.Elements(BpmnNames.Model + "messageFlow"));
        foreach (var messageFlow in messageFlows)
        {
            var source = messageFlow.Reference("sourceRef");
            var target = messageFlow.Reference("targetRef");
            if ((source is not null && touching.Contains(source)) || (target is not null && touching.Contains(target)))
            {
                problems.Unsupported(
                    messageFlow,
                    why: $"message flow from '{source}' to '{target}' touches the executed process, and messages are not executed");
            }
        }
    }

    /// <summary>The name of the pool that shows the process, which modelers often fill in instead of the process name.</summary>
    public static string? ParticipantName(XElement definitions, string processId) =>
        definitions.Elements(BpmnNames.Model + "collaboration")
            .SelectMany(collaboration => collaboration.Elements(BpmnNames.Model + "participant"))
            .Where(participant => participant.Reference("processRef") == processId)
            .Select(participant => participant.DisplayName())
            .FirstOrDefault(name => name is not null);
}
