using System.Collections.Immutable;
using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>The <c>mlops:*</c> attributes of one element, keyed by local name whatever prefix the file uses.</summary>
internal sealed class MlopsAttributes
{
    private readonly Dictionary<string, string> values;

    private MlopsAttributes(Dictionary<string, string> values)
    {
        this.values = values;
    }

    public static MlopsAttributes Of(XElement element) =>
        new(element.Attributes()
            .Where(attribute => attribute.Name.Namespace == BpmnNames.Mlops)
            .ToDictionary(attribute => attribute.Name.LocalName, attribute => attribute.Value, StringComparer.Ordinal));

    /// <summary>The trimmed value, or null when absent or blank.</summary>
    public string? Get(string localName) =>
        values.TryGetValue(localName, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A comma-separated value as its distinct, trimmed items; empty when absent.</summary>
    public ImmutableArray<string> GetList(string localName) =>
        Get(localName) is { } text
            ? [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)]
            : [];

    /// <summary>Every attribute except the ones the engine itself interprets: those left for the stage handler.</summary>
    public ImmutableDictionary<string, string> Except(params string[] interpreted) =>
        values.Where(pair => !interpreted.Contains(pair.Key, StringComparer.Ordinal))
            .ToImmutableDictionary(StringComparer.Ordinal);
}
