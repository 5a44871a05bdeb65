using System.Collections.Immutable;
using System.Text.RegularExpressions;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Grains.Runs;

/// <summary>
/// Metric thresholds a run declares when it starts: numeric parameters <c>threshold.&lt;metric&gt;.min</c> or
/// <c>.max</c>, kept as "&lt;metric&gt;.min" → limit. Fixed before any evaluation runs (AI Act Art. 9(8)), and checked
/// by the engine against the model's metrics so rules compare booleans, not strings.
/// </summary>
internal static partial class RunThresholds
{
    public const string Prefix = "threshold.";

    public const string Min = "min";

    public const string Max = "max";

    /// <summary>Why a parameter named like a threshold is not one, or null when it is fine (or not a threshold at all).</summary>
    public static string? Problem(string name, Variable value)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        if (!Name().IsMatch(name))
        {
            return $"parameter '{name}' must be named threshold.<metric>.min or threshold.<metric>.max.";
        }

        return value.Kind == VariableKind.Number && double.IsFinite(value.Number)
            ? null
            : $"threshold '{name}' must be a number; got '{value}'.";
    }

    public static Dictionary<string, double> From(IReadOnlyDictionary<string, Variable> parameters) =>
        parameters
            .Where(p => p.Key.StartsWith(Prefix, StringComparison.Ordinal) && Problem(p.Key, p.Value) is null)
            .ToDictionary(p => p.Key[Prefix.Length..], p => p.Value.Number, StringComparer.Ordinal);

    /// <summary>Each threshold against <paramref name="metrics"/>, in key order; a missing or NaN metric fails its check.</summary>
    public static ImmutableArray<ThresholdCheck> Check(IReadOnlyDictionary<string, double> thresholds, IReadOnlyDictionary<string, double> metrics) =>
    [
        .. thresholds.OrderBy(t => t.Key, StringComparer.Ordinal).Select(threshold =>
        {
            var dot = threshold.Key.LastIndexOf('.');
            var metric = threshold.Key[..dot];
            var bound = threshold.Key[(dot + 1)..];
            double? actual = metrics.TryGetValue(metric, out var value) && !double.IsNaN(value) ? value : null;
            var passed = actual is { } a && (bound == Min ? a >= threshold.Value : a <= threshold.Value);
            return new ThresholdCheck(metric, bound, threshold.Value, actual, passed);
        }),
    ];

    [GeneratedRegex(@"^threshold\.[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}\.(min|max)$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
