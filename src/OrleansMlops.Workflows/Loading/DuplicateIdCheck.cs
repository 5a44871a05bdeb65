using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>Ids are how flows, timers and runs refer to elements: two elements with one id make every reference ambiguous.</summary>
internal static class DuplicateIdCheck
{
    public static void Check(XElement process, ProblemList problems)
    {
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in process.DescendantsAndSelf().Where(element => element.IsBpmn()))
        {
            if (element.Id() is not { } id)
            {
                continue;
            }

            if (firstLines.TryGetValue(id, out var firstLine))
            {
                problems.Add(element, $"duplicate id '{id}' (first used on line {firstLine})");
            }
            else
            {
                firstLines.Add(id, element.Line());
            }
        }
    }
}
