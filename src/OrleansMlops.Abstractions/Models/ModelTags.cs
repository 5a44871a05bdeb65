using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Models;

/// <summary>
/// The one rule for model version tags, shared by the run's <c>tags</c> parameter, the tag API and the grain: 1 to
/// <see cref="MaxLength"/> characters of lowercase letters, digits, '-', '.' or ':', at most <see cref="MaxCount"/> per
/// version. Tags are a set: <see cref="Validate"/> gives them sorted and without duplicates, so equal sets compare equal.
/// </summary>
public static class ModelTags
{
    /// <summary>The run parameter that tags the version a run trains, comma-separated ("retail,scorecard").</summary>
    public const string Parameter = "tags";

    public const int MaxLength = 64;

    public const int MaxCount = 20;

    /// <summary>The pieces of a comma-separated list, trimmed, empty pieces dropped; not yet validated.</summary>
    public static ImmutableArray<string> Split(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Why the tags are refused, naming the first bad tag, or null when they are fine.</summary>
    public static string? Problem(IEnumerable<string?> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (!IsValid(tag))
            {
                return $"tag '{tag}' must be 1 to {MaxLength} lowercase letters, digits, '-', '.' or ':'.";
            }

            distinct.Add(tag!);
        }

        return distinct.Count > MaxCount ? $"at most {MaxCount} tags are allowed; got {distinct.Count}." : null;
    }

    /// <summary>The tags as a set (sorted, no duplicates).</summary>
    /// <exception cref="ArgumentException">A tag is malformed or there are too many; the message names the tag.</exception>
    public static ImmutableArray<string> Validate(IEnumerable<string?> tags)
    {
        var materialized = tags?.ToList() ?? throw new ArgumentNullException(nameof(tags));
        if (Problem(materialized) is { } problem)
        {
            throw new ArgumentException(problem, nameof(tags));
        }

        return [.. materialized.Select(t => t!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>A comma-separated list as a tag set; see <see cref="Validate"/>.</summary>
    /// <exception cref="ArgumentException">A tag is malformed or there are too many.</exception>
    public static ImmutableArray<string> Parse(string? text) => Validate(Split(text));

    public static bool IsValid(string? tag) =>
        tag is { Length: > 0 and <= MaxLength } && tag.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or ':');
}
