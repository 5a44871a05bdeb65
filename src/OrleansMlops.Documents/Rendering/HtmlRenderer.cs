using System.Text;
using OrleansMlops.Documents.Model;

namespace OrleansMlops.Documents.Rendering;

/// <summary>
/// Renders a document as one standalone HTML page: inline CSS, no script, no external resource. A Content-Security-Policy
/// forbids scripts and remote loads as well, so even text that escaped its escaping could not run or call out.
/// </summary>
internal static class HtmlRenderer
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; color: #1d2330; margin: 0; background: #fff; }
        main { max-width: 1000px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 1.6em; border-bottom: 2px solid #5b6b8c; padding-bottom: 8px; }
        h2 { font-size: 1.25em; margin-top: 32px; border-bottom: 1px solid #d0d5e0; padding-bottom: 4px; }
        h3 { font-size: 1.05em; margin-top: 20px; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.9em; }
        th, td { border: 1px solid #d0d5e0; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f4f6fa; }
        code { font-family: ui-monospace, monospace; font-size: 0.9em; word-break: break-all; }
        ul.facts { padding-left: 20px; }
        p.not-recorded { color: #8a3b00; background: #fff4e5; border-left: 3px solid #d97706; padding: 4px 8px; }
        figure.lineage { margin: 8px 0; overflow-x: auto; }
        """;

    public static string Render(EvidenceDocument document)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(HtmlText.Escape(document.Title)).Append("</title>\n");
        html.Append("<style>\n").Append(Style.ReplaceLineEndings("\n")).Append("\n</style>\n</head>\n<body>\n<main>\n");
        html.Append("<h1>").Append(HtmlText.Escape(document.Title)).Append("</h1>\n");
        Blocks(html, document.Introduction);
        foreach (var section in document.Sections)
        {
            html.Append("<section id=\"").Append(HtmlText.Escape(section.Heading.Id)).Append("\">\n");
            html.Append("<h2>").Append(HtmlText.Escape(section.Heading.Title)).Append("</h2>\n");
            Blocks(html, section.Blocks);
            html.Append("</section>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Blocks(StringBuilder html, IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Subheading heading:
                    html.Append("<h3>").Append(HtmlText.Escape(heading.Text)).Append("</h3>\n");
                    break;
                case Paragraph paragraph:
                    html.Append("<p>").Append(HtmlText.Render(paragraph.Content)).Append("</p>\n");
                    break;
                case NotRecorded missing:
                    html.Append("<p class=\"not-recorded\">").Append(HtmlText.Escape(missing.Text)).Append("</p>\n");
                    break;
                case FactList list:
                    html.Append("<ul class=\"facts\">\n");
                    foreach (var fact in list.Facts)
                    {
                        html.Append("<li><strong>").Append(HtmlText.Escape(fact.Label)).Append(":</strong> ").Append(HtmlText.Render(fact.Value)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
                case Table table:
                    Table(html, table);
                    break;
                case LineageDiagram diagram:
                    html.Append("<figure class=\"lineage\">\n");
                    SvgLineage.Render(html, diagram.Graph);
                    html.Append("<figcaption>Data set files and the code commit feed the model; the model produced the artifact.</figcaption>\n</figure>\n");
                    break;
                default:
                    throw new InvalidOperationException($"No HTML form for {block.GetType().Name}.");
            }
        }
    }

    private static void Table(StringBuilder html, Table table)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var header in table.Headers)
        {
            html.Append("<th>").Append(HtmlText.Escape(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(HtmlText.Render(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
