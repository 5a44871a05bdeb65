using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>
/// Reads a sequence flow and parses its condition. The <c>language</c> attribute of a condition is ignored: every
/// condition is read in the engine's own expression language, and one that does not parse is refused.
/// An empty <c>conditionExpression</c> (what modelers save when a condition was never filled in) counts as none.
/// </summary>
internal static class SequenceFlowReader
{
    public static FlowSource? Read(XElement element, string id, ProblemList problems)
    {
        var accepted = ChildElementCheck.Check(element, problems, child => child.Kind() == "conditionExpression");
        var source = element.Reference("sourceRef");
        var target = element.Reference("targetRef");
        if (source is null || target is null)
        {
            problems.Add(element, source is null ? "the sequence flow has no sourceRef" : "the sequence flow has no targetRef");
            accepted = false;
        }

        var expressions = element.Elements(BpmnNames.Model + "conditionExpression").ToList();
        if (expressions.Count > 1)
        {
            problems.Add(element, expressions[1], "the sequence flow has more than one conditionExpression");
            return null;
        }

        var text = expressions.Count == 1 && !string.IsNullOrWhiteSpace(expressions[0].Value) ? expressions[0].Value.Trim() : null;
        Condition? condition = null;
        var conditionRefused = false;
        if (text is not null)
        {
            try
            {
                condition = Condition.Parse(text);
            }
            catch (ConditionSyntaxException exception)
            {
                problems.Add(element, expressions[0], $"the condition '{Shorten(text)}' does not parse: {exception.Reason} at offset {exception.Position}");
                conditionRefused = true;
            }
        }

        return accepted && source is not null && target is not null
            ? new FlowSource(new SequenceFlow(id, source, target, condition, text), element, conditionRefused)
            : null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "...");
}
