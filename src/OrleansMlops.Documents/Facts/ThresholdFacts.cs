using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Documents.Facts;

/// <summary>
/// The metric thresholds a run declared at start and how the engine checked them, read back from the gate input
/// snapshots stored with the decisions (<c>model.thresholdChecks</c>, else <c>run.thresholds</c>). The latest decision
/// that carries them wins: it saw the final metrics.
/// </summary>
internal static class ThresholdFacts
{
    public static ImmutableArray<ThresholdCheck> From(ImmutableArray<GateDecision> decisions)
    {
        ImmutableArray<ThresholdCheck> declaredOnly = [];
        for (var i = decisions.Length - 1; i >= 0; i--)
        {
            if (Parse(decisions[i].InputJson) is not { } input)
            {
                continue;
            }

            using (input)
            {
                var checks = Checks(input.RootElement);
                if (!checks.IsEmpty)
                {
                    return checks;
                }

                if (declaredOnly.IsEmpty)
                {
                    declaredOnly = Declared(input.RootElement);
                }
            }
        }

        return declaredOnly;
    }

    private static JsonDocument? Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            // A snapshot this library cannot read is simply no source of thresholds; the decision itself is still listed.
            return null;
        }
    }

    private static ImmutableArray<ThresholdCheck> Checks(JsonElement root)
    {
        if (!TryPath(root, out var array, "model", "thresholdChecks") || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var checks = ImmutableArray.CreateBuilder<ThresholdCheck>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object
                && TryString(item, "metric") is { } metric
                && TryNumber(item, "limit") is { } limit)
            {
                checks.Add(new ThresholdCheck(
                    metric,
                    TryString(item, "bound") ?? "?",
                    limit,
                    TryNumber(item, "actual"),
                    item.TryGetProperty("passed", out var passed) && passed.ValueKind == JsonValueKind.True));
            }
        }

        return [.. checks.OrderBy(c => c.Metric, StringComparer.Ordinal).ThenBy(c => c.Bound, StringComparer.Ordinal)];
    }

    /// <summary>Thresholds declared but never checked ("auc.min": 0.7): shown with no actual value and not passed.</summary>
    private static ImmutableArray<ThresholdCheck> Declared(JsonElement root)
    {
        if (!TryPath(root, out var thresholds, "run", "thresholds") || thresholds.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var checks = ImmutableArray.CreateBuilder<ThresholdCheck>();
        foreach (var property in thresholds.EnumerateObject())
        {
            var split = property.Name.LastIndexOf('.');
            if (split > 0 && Number(property.Value) is { } limit)
            {
                checks.Add(new ThresholdCheck(property.Name[..split], property.Name[(split + 1)..], limit, null, false));
            }
        }

        return [.. checks.OrderBy(c => c.Metric, StringComparer.Ordinal).ThenBy(c => c.Bound, StringComparer.Ordinal)];
    }

    private static bool TryPath(JsonElement element, out JsonElement found, params string[] path)
    {
        found = element;
        foreach (var name in path)
        {
            if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(name, out found))
            {
                return false;
            }
        }

        return true;
    }

    private static string? TryString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? TryNumber(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? Number(value) : null;

    /// <summary>Numbers, and the named literals ("NaN") the gate input JSON allows.</summary>
    private static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
