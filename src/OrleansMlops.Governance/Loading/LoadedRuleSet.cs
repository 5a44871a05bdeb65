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
    internal LoadedRuleSet(string file, string contentHash, RuleSetDefinition definition, RulesEngineCore engine, bool effectiveDatesConfigured)
    {
        EffectiveDatesConfigured = effectiveDatesConfigured;
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

    /// <summary>True when <c>Governance:EffectiveDates:&lt;id&gt;</c> set the window instead of the file.</summary>
    public bool EffectiveDatesConfigured { get; }

    /// <summary>Path of the file it was loaded from.</summary>
    public string File { get; }

    /// <summary>Lowercase hex SHA-256 of the file's bytes.</summary>
    public string ContentHash { get; }

    public ImmutableArray<RuleDefinition> Rules { get; }

    internal RuleSetDefinition Definition { get; }

    internal RulesEngineCore Engine { get; }

    internal FrozenDictionary<string, RuleDefinition> RulesByName { get; }

    /// <summary>The same compiled rule set, attributed to another file path (an activation writes it to its own file).</summary>
    internal LoadedRuleSet At(string file) => file == File ? this : new(file, ContentHash, Definition, Engine, EffectiveDatesConfigured);

    /// <summary>True when the rule set gates <paramref name="transition"/> and <paramref name="now"/> is in its effective window.</summary>
    public bool IsApplicable(string transition, DateTimeOffset now) => Declares(transition) && Definition.Window.Contains(now);

    /// <summary>True when the header's <c>appliesTo</c> lists <paramref name="transition"/>, whatever the date.</summary>
    public bool Declares(string transition) => Definition.AppliesTo.Contains(transition, StringComparer.Ordinal);

    /// <summary>The rules that run for <paramref name="transition"/> (those of the workflows that gate it).</summary>
    public IEnumerable<RuleDefinition> RulesFor(string transition) =>
        Definition.Workflows.Where(w => w.Gates(transition)).SelectMany(w => w.Rules);
}
