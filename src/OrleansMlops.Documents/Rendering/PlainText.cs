namespace OrleansMlops.Documents.Rendering;

/// <summary>
/// User-provided text kept on one line: line breaks, tabs and other control characters become spaces, so a value can
/// never start a new Markdown block or table row, whatever it contains. Other spacing is kept (runs are concatenated).
/// </summary>
internal static class PlainText
{
    public static string OneLine(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) || source[i] is '\u2028' or '\u2029' ? ' ' : source[i];
            }
        });
}
