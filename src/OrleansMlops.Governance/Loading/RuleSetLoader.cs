using OrleansMlops.Governance.Expressions;
using OrleansMlops.Governance.Schema;

namespace OrleansMlops.Governance.Loading;

/// <summary>
/// Turns one rule set file into a <see cref="LoadedRuleSet"/> or refuses it with a <see cref="GovernanceException"/>:
/// strict JSON, policies/rule-set.schema.json, header and structure checks, every expression checked for safety and
/// compiled against the typed gate input, then RulesEngine warmed up. Effective dates configured under
/// <c>Governance:EffectiveDates</c> replace the file's. Nothing here activates anything; see the catalog.
/// </summary>
public sealed class RuleSetLoader
{
    /// <summary>Rule set files are a few kilobytes; a large file is a mistake or an attempt to exhaust memory.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private readonly EffectiveDateOverrides _overrides;

    /// <summary>A loader that takes every rule set's effective dates from its file.</summary>
    public RuleSetLoader()
        : this(null)
    {
    }

    /// <summary>A loader that applies <see cref="GovernanceOptions.EffectiveDates"/>.</summary>
    public RuleSetLoader(GovernanceOptions? options) =>
        _overrides = options is null ? EffectiveDateOverrides.None : new EffectiveDateOverrides(options.EffectiveDates);

    public async Task<LoadedRuleSet> LoadFileAsync(string path, CancellationToken cancellationToken = default) =>
        await LoadAsync(path, await RuleSetFile.ReadAsync(path, cancellationToken), cancellationToken);

    public async Task<LoadedRuleSet> LoadAsync(string file, byte[] content, CancellationToken cancellationToken = default)
    {
        if (content.Length > MaxFileBytes)
        {
            throw new GovernanceException(GovernancePhase.Load, $"the file is {content.Length} bytes; the limit is {MaxFileBytes}.", file);
        }

        var json = Utf8Bom.Skip(content);
        var document = RuleSetDocumentReader.Read(file, json);
        RuleSetSchema.Check(file, json);
        var definition = RuleSetDocumentValidator.Validate(file, document);
        definition = definition with { Window = _overrides.Apply(file, definition.Id, definition.Window) };
        foreach (var rule in definition.Rules)
        {
            if (RuleExpressionChecker.Check(rule.Expression) is { } refusal)
            {
                throw new GovernanceException(refusal.Phase, refusal.Reason, file, definition.Id, rule.RuleName, rule.Expression);
            }
        }

        var engine = CreateEngine(file, definition);
        (string RuleName, string Message)? unparsed;
        try
        {
            unparsed = await RuleSetEngine.WarmUpAsync(engine, definition, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new GovernanceException(GovernancePhase.Compile, $"RulesEngine failed while compiling the rule set: {ex.Message}",
                file, definition.Id, innerException: ex);
        }

        if (unparsed is { } failure)
        {
            // Our parser accepted what RulesEngine's did not: refuse rather than run a rule that always fails.
            var rule = definition.Rules.First(r => r.RuleName == failure.RuleName);
            throw new GovernanceException(GovernancePhase.Compile, $"RulesEngine could not compile the rule: {failure.Message}",
                file, definition.Id, rule.RuleName, rule.Expression);
        }

        return new LoadedRuleSet(file, ContentHash.Of(content), definition, engine, _overrides.Has(definition.Id));
    }

    private static RulesEngine.RulesEngine CreateEngine(string file, RuleSetDefinition definition)
    {
        try
        {
            return RuleSetEngine.Create(definition);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // RulesEngine validates workflows on construction (RuleValidationException); any failure is this file's refusal.
            throw new GovernanceException(GovernancePhase.Load, $"RulesEngine refused the workflows: {ex.Message}", file, definition.Id, innerException: ex);
        }
    }
}
