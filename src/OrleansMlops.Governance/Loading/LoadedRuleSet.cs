using System.Collections.Frozen;
using System.Collections.Immutable;
using RulesEngineCore = RulesEngine.RulesEngine;

namespace OrleansMlops.Governance.Loading;

/// <summary>
/// A rule set file that passed every check, with its RulesEngine instance already compiled. Immutable: a new file
/// content produces a new instance, so a decision in flight keeps the version it started with.
/// </summary>
public sealed class LoadedRuleSet
{
    internal LoadedRuleSet(string file, string contentHash, RuleSetDefinition definition, RulesEngineCore engine)
    {
        File = file;
        ContentHash = contentHash;
        Definition = definition;
        Engine = engine;
        Rules = [.. definition.Rules];
        RulesByName = Rules.ToFrozenDictionary(r => r.RuleName, StringComparer.Ordinal);
    }

    public string Id => Definition.Id;

    public string Title => Definition.Title;

    public string Owner => Definition.Owner;

    public ImmutableArray<string> AppliesTo => Definition.AppliesTo;

    public DateTimeOffset? EffectiveFrom => Definition.Window.From;

    public DateTimeOffset? EffectiveUntil => Definition.Window.Until;

    /// <summary>Path of the file it was loaded from.</summary>
    public string File { get; }

    /// <summary>Lowercase hex SHA-256 of the file's bytes.</summary>
    public string ContentHash { get; }

    public ImmutableArray<RuleDefinition> Rules { get; }

    internal RuleSetDefinition Definition { get; }

    internal RulesEngineCore Engine { get; }

    internal FrozenDictionary<string, RuleDefinition> RulesByName { get; }

    /// <summary>True when the rule set gates <paramref name="transition"/> and <paramref name="now"/> is in its effective window.</summary>
    public bool IsApplicable(string transition, DateTimeOffset now) =>
        Definition.AppliesTo.Contains(transition, StringComparer.Ordinal) && Definition.Window.Contains(now);
}
