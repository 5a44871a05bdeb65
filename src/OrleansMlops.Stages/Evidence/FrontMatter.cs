using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace OrleansMlops.Stages.Evidence;

/// <summary>
/// A strict reader of the front matter evidence documents declare themselves with: the first line is <c>---</c>, then
/// one <c>key: value</c> per line, then <c>---</c>. Nothing else is accepted: no blank lines, comments, quoting, lists
/// or nesting, no repeated keys, so what a compliance rule reads is exactly what the file says. A document must
/// declare its <c>kind</c> (lowercase, e.g. <c>risk-register</c>) and <c>title</c>.
/// </summary>
public static partial class FrontMatter
{
    public const string Delimiter = "---";

    public const string KindKey = "kind";

    public const string TitleKey = "title";

    public const int MaxEntries = 64;

    public const int MaxValueLength = 2_000;

    /// <summary>The front matter's entries, sorted by key.</summary>
    /// <exception cref="FrontMatterException">The text does not start with well-formed front matter.</exception>
    public static ImmutableSortedDictionary<string, string> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Split('\n');
        if (lines[^1].Length == 0)
        {
            // The text ends with a line break: there is no line after it.
            lines = lines[..^1];
        }

        if (lines.Length == 0 || Line(lines, 0) != Delimiter)
        {
            throw new FrontMatterException(1, $"an evidence document must start with front matter: a '{Delimiter}' line, 'key: value' lines, then '{Delimiter}'");
        }

        var entries = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 1; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var line = Line(lines, index);
            if (line == Delimiter)
            {
                RequireDeclared(entries, lineNumber);
                return entries.ToImmutable();
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                throw new FrontMatterException(lineNumber, "blank lines are not allowed in front matter");
            }

            var match = Entry().Match(line);
            if (!match.Success)
            {
                throw new FrontMatterException(lineNumber, $"expected 'key: value' (key: a letter, then letters, digits, '_' or '-'), got '{Shorten(line)}'");
            }

            var key = match.Groups["key"].Value;
            var value = match.Groups["value"].Value.TrimEnd();
            if (firstSeen.TryGetValue(key, out var first))
            {
                throw new FrontMatterException(lineNumber, $"key '{key}' is declared twice (first on line {first})");
            }

            if (value.Length > MaxValueLength)
            {
                throw new FrontMatterException(lineNumber, $"the value of '{key}' is longer than {MaxValueLength} characters");
            }

            if (entries.Count == MaxEntries)
            {
                throw new FrontMatterException(lineNumber, $"front matter has more than {MaxEntries} entries");
            }

            firstSeen[key] = lineNumber;
            entries[key] = value;
        }

        throw new FrontMatterException(1, $"the front matter opened here is never closed with a '{Delimiter}' line");
    }

    private static void RequireDeclared(ImmutableSortedDictionary<string, string>.Builder entries, int closingLine)
    {
        foreach (var required in new[] { KindKey, TitleKey })
        {
            if (!entries.ContainsKey(required))
            {
                throw new FrontMatterException(closingLine, $"front matter must declare '{required}'");
            }
        }

        if (!Kind().IsMatch(entries[KindKey]))
        {
            throw new FrontMatterException(closingLine, $"kind '{Shorten(entries[KindKey])}' must be lowercase letters, digits and '-', starting with a letter");
        }
    }

    private static string Line(string[] lines, int index) => lines[index].TrimEnd('\r');

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    [GeneratedRegex("^(?<key>[A-Za-z][A-Za-z0-9_-]{0,63}):[ ]+(?<value>[^ ].*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Entry();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Kind();
}
