namespace OrleansMlops.Governance.Schema;

/// <summary>RFC 6901 JSON pointers ("/workflows/0/Rules/2/Expression"), built one segment at a time.</summary>
internal static class JsonPointer
{
    public const string Root = "";

    public static string Append(string pointer, string propertyName) =>
        pointer + "/" + propertyName.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string[] Segments(string pointer) =>
        pointer.Length == 0
            ? []
            : [.. pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    /// <summary>How a compliance officer would name the place: <c>"appliesTo"</c>, <c>item 2 of "Rules"</c>, <c>the rule set</c>.</summary>
    public static string Describe(string pointer)
    {
        var segments = Segments(pointer);
        if (segments.Length == 0)
        {
            return "the rule set";
        }

        var last = segments[^1];
        if (int.TryParse(last, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && segments.Length > 1)
        {
            return $"item {index + 1} of \"{segments[^2]}\"";
        }

        return $"\"{last}\"";
    }
}
