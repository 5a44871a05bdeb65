namespace OrleansMlops.Cli.Output;

/// <summary>A short aligned table: upper-case headers, columns padded to their widest cell, the last column not padded.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public TextTable Add(params string?[] cells)
    {
        _rows.Add([.. cells.Select(c => Flatten(c ?? "-"))]);
        return this;
    }

    public void WriteTo(TextWriter writer, string? whenEmpty = null)
    {
        if (_rows.Count == 0 && whenEmpty is not null)
        {
            writer.WriteLine(whenEmpty);
            return;
        }

        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        WriteRow(writer, headers, widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var padded = cells.Select((cell, i) => i == cells.Length - 1 ? cell : cell.PadRight(widths[i]));
        writer.WriteLine(string.Join("  ", padded).TrimEnd());
    }

    // A cell is one line: a multi-line summary would break the columns.
    private static string Flatten(string text) => text.ReplaceLineEndings(" ");
}
