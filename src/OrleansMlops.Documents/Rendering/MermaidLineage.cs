using System.Text;
using OrleansMlops.Documents.Model;

namespace OrleansMlops.Documents.Rendering;

/// <summary>
/// The lineage graph as a Mermaid flowchart in a fenced block. Labels are quoted and use Mermaid's entity codes for
/// the characters that would end a label or the fence, so a value cannot change the diagram's structure.
/// </summary>
internal static class MermaidLineage
{
    public static void Render(StringBuilder markdown, LineageGraph graph)
    {
        markdown.Append("```mermaid\n");
        markdown.Append("flowchart LR\n");
        foreach (var node in graph.Inputs.Append(graph.Model).Append(graph.Artifact))
        {
            markdown.Append("    ").Append(node.Id).Append("[\"").Append(Label(node)).Append("\"]\n");
        }

        foreach (var input in graph.Inputs)
        {
            markdown.Append("    ").Append(input.Id).Append(" --> ").Append(graph.Model.Id).Append('\n');
        }

        markdown.Append("    ").Append(graph.Model.Id).Append(" --> ").Append(graph.Artifact.Id).Append('\n');
        markdown.Append("```\n");
    }

    private static string Label(LineageNode node) => string.Join("<br/>", node.Lines.Select(Escape));

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in PlainText.OneLine(text))
        {
            builder.Append(c switch
            {
                '#' => "#35;",
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '`' => "#96;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
