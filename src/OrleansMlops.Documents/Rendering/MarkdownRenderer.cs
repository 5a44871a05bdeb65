using System.Text;
using OrleansMlops.Documents.Model;

namespace OrleansMlops.Documents.Rendering;

/// <summary>Renders a document as CommonMark/GFM with '\n' line endings; the Markdown is the documents' source form.</summary>
internal static class MarkdownRenderer
{
    public static string Render(EvidenceDocument document)
    {
        var markdown = new StringBuilder();
        markdown.Append("# ").Append(MarkdownText.Escape(document.Title)).Append("\n\n");
        Blocks(markdown, document.Introduction);
        foreach (var section in document.Sections)
        {
            markdown.Append("## ").Append(MarkdownText.Escape(section.Heading.Title)).Append("\n\n");
            Blocks(markdown, section.Blocks);
        }

        return markdown.ToString();
    }

    private static void Blocks(StringBuilder markdown, IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Subheading heading:
                    markdown.Append("### ").Append(MarkdownText.Escape(heading.Text)).Append('\n');
                    break;
                case Paragraph paragraph:
                    markdown.Append(LineStart(MarkdownText.Render(paragraph.Content))).Append('\n');
                    break;
                case NotRecorded missing:
                    markdown.Append(MarkdownText.Escape(missing.Text)).Append('\n');
                    break;
                case FactList list:
                    foreach (var fact in list.Facts)
                    {
                        markdown.Append("- **").Append(MarkdownText.Escape(fact.Label)).Append(":** ").Append(MarkdownText.Render(fact.Value)).Append('\n');
                    }

                    break;
                case Table table:
                    Table(markdown, table);
                    break;
                case LineageDiagram diagram:
                    MermaidLineage.Render(markdown, diagram.Graph);
                    break;
                default:
                    throw new InvalidOperationException($"No Markdown form for {block.GetType().Name}.");
            }

            markdown.Append('\n');
        }
    }

    private static void Table(StringBuilder markdown, Table table)
    {
        markdown.Append("| ").AppendJoin(" | ", table.Headers.Select(MarkdownText.Escape)).Append(" |\n");
        markdown.Append('|').AppendJoin('|', table.Headers.Select(_ => "---")).Append("|\n");
        foreach (var row in table.Rows)
        {
            // An empty cell still needs its column; a lone space keeps the row aligned in every renderer.
            markdown.Append("| ").AppendJoin(" | ", row.Select(cell => MarkdownText.Render(cell) is { Length: > 0 } text ? text : " ")).Append(" |\n");
        }
    }

    /// <summary>A paragraph starting with a list or heading marker (from a title, say) would become that block: escape it.</summary>
    private static string LineStart(string text)
    {
        if (text.Length > 0 && text[0] is '-' or '+' or '=')
        {
            return "\\" + text;
        }

        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < text.Length && text[digits] is '.' or ')' ? $"{text[..digits]}\\{text[digits..]}" : text;
    }
}
