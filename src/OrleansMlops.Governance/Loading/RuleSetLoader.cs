using OrleansMlops.Governance.Expressions;

namespace OrleansMlops.Governance.Loading;

/// <summary>
/// Turns one rule set file into a <see cref="LoadedRuleSet"/> or refuses it with a <see cref="GovernanceException"/>:
/// strict JSON, header and structure checks, every expression checked for safety and compiled against the typed
/// gate input, then RulesEngine warmed up. Nothing here activates anything; see the catalog.
/// </summary>
public sealed class RuleSetLoader
{
    /// <summary>Rule set files are a few kilobytes; a large file is a mistake or an attempt to exhaust memory.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    public async Task<LoadedRuleSet> LoadFileAsync(string path, CancellationToken cancellationToken = default) =>
        await LoadAsync(path, await RuleSetFile.ReadAsync(path, cancellationToken), cancellationToken);

    public async Task<LoadedRuleSet> LoadAsync(string file, byte[] content, CancellationToken cancellationToken = default)
    {
        if (content.Length > MaxFileBytes)
        {
            throw new GovernanceException(GovernancePhase.Load, $"the file is {content.Length} bytes; the limit is {MaxFileBytes}.", file);
        }

        var document = RuleSetDocumentReader.Read(file, content);
        var definition = RuleSetDocumentValidator.Validate(file, document);
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

        return new LoadedRuleSet(file, ContentHash.Of(content), definition, engine);
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
