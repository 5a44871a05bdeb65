using System.Text;
using OrleansMlops.Documents.Model;

namespace OrleansMlops.Documents.Rendering;

/// <summary>
/// Escapes text for Markdown: every character that could start markup (emphasis, links, raw HTML such as
/// &lt;script&gt;, headings, table cells) is backslash-escaped, so user values always render as the literal text.
/// </summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_[]<>|#~!&";

    public static string Escape(string? text)
    {
        var line = PlainText.OneLine(text);
        var builder = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A run as Markdown; identifiers go in code spans when they hold nothing a code span cannot carry.</summary>
    public static string Render(TextRun run)
    {
        var text = PlainText.OneLine(run.Text);
        return run.IsCode && IsSafeCode(text) ? $"`{text}`" : Escape(text);
    }

    public static string Render(IEnumerable<TextRun> runs) => string.Concat(runs.Select(Render));

    // Code spans do not honour backslash escapes, so only plain identifier characters may go inside one.
    private static bool IsSafeCode(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "-._:/@+=,;()…".Contains(c, StringComparison.Ordinal));
}
