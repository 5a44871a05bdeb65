namespace OrleansMlops.Cli.Output;

/// <summary>"key: value" lines with the values aligned; empty values are left out.</summary>
public sealed class KeyValueWriter
{
    private readonly List<(string Key, string Value)> _lines = [];

    public KeyValueWriter Add(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _lines.Add((key, value.ReplaceLineEndings(" ")));
        }

        return this;
    }

    public void WriteTo(TextWriter writer)
    {
        var width = _lines.Count == 0 ? 0 : _lines.Max(l => l.Key.Length) + 1;
        foreach (var (key, value) in _lines)
        {
            writer.WriteLine($"{(key + ":").PadRight(width)} {value}");
        }
    }
}
