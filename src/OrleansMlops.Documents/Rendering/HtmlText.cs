using System.Text;
using OrleansMlops.Documents.Model;

namespace OrleansMlops.Documents.Rendering;

/// <summary>Escapes text for HTML element content and quoted attribute values (also valid inside inline SVG).</summary>
internal static class HtmlText
{
    public static string Escape(string? text)
    {
        var line = PlainText.OneLine(text);
        var builder = new StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    public static string Render(TextRun run) => run.IsCode ? $"<code>{Escape(run.Text)}</code>" : Escape(run.Text);

    public static string Render(IEnumerable<TextRun> runs) => string.Concat(runs.Select(Render));
}
