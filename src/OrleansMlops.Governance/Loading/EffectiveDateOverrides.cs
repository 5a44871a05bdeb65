using System.Collections.Frozen;

namespace OrleansMlops.Governance.Loading;

/// <summary>Applies <see cref="GovernanceOptions.EffectiveDates"/> to the window a rule set file declares.</summary>
internal sealed class EffectiveDateOverrides
{
    private readonly FrozenDictionary<string, EffectiveDatesOverride> _overrides;

    public EffectiveDateOverrides(IReadOnlyDictionary<string, EffectiveDatesOverride>? overrides) =>
        _overrides = (overrides ?? new Dictionary<string, EffectiveDatesOverride>()).ToFrozenDictionary(StringComparer.Ordinal);

    public static EffectiveDateOverrides None { get; } = new(null);

    public bool Has(string ruleSetId) => _overrides.ContainsKey(ruleSetId);

    /// <summary>The window in force for <paramref name="ruleSetId"/>; throws when the configured dates are unusable.</summary>
    public EffectiveWindow Apply(string file, string ruleSetId, EffectiveWindow declared)
    {
        if (!_overrides.TryGetValue(ruleSetId, out var configured))
        {
            return declared;
        }

        var from = Resolve(file, ruleSetId, "From", configured.From, declared.From);
        var until = Resolve(file, ruleSetId, "Until", configured.Until, declared.Until);
        if (from is not null && until is not null && until <= from)
        {
            throw new GovernanceException(GovernancePhase.Load,
                $"the effective dates in force ({Key(ruleSetId, "From")} or the file's effectiveFrom: {from:O}; {Key(ruleSetId, "Until")} or the file's "
                + $"effectiveUntil: {until:O}) leave no time in which the rule set applies; fix the configuration.", file, ruleSetId);
        }

        return new EffectiveWindow(from, until);
    }

    /// <summary>Problems with the configured dates themselves, for options validation at start.</summary>
    public static IEnumerable<string> Validate(IReadOnlyDictionary<string, EffectiveDatesOverride> overrides)
    {
        foreach (var (id, configured) in overrides)
        {
            if (configured is null)
            {
                continue;
            }

            foreach (var (name, text) in new[] { ("From", configured.From), ("Until", configured.Until) })
            {
                if (!string.IsNullOrEmpty(text) && !EffectiveWindow.TryParse(text, out _))
                {
                    yield return $"{Key(id, name)} '{text}' is not an ISO 8601 date (yyyy-MM-dd) or date-time.";
                }
            }
        }
    }

    private static DateTimeOffset? Resolve(string file, string ruleSetId, string name, string? configured, DateTimeOffset? declared)
    {
        if (configured is null)
        {
            return declared;
        }

        if (configured.Length == 0)
        {
            return null;
        }

        return EffectiveWindow.TryParse(configured, out var value)
            ? value
            : throw new GovernanceException(GovernancePhase.Load,
                $"{Key(ruleSetId, name)} '{configured}' is not an ISO 8601 date (yyyy-MM-dd) or date-time; fix the configuration.", file, ruleSetId);
    }

    private static string Key(string ruleSetId, string name) => $"{GovernanceOptions.Section}:EffectiveDates:{ruleSetId}:{name}";
}
