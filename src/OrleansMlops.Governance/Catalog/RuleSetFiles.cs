namespace OrleansMlops.Governance.Catalog;

/// <summary>Which <c>*.json</c> files in the policies folder are rule sets, and the names of their companions.</summary>
public static class RuleSetFiles
{
    public const string FixturesSuffix = ".fixtures.json";

    public const string SchemaSuffix = ".schema.json";

    /// <summary>Fixture files (<c>&lt;id&gt;.fixtures.json</c>) and schemas (<c>*.schema.json</c>) live beside the rule sets but are not rule sets.</summary>
    public static bool IsRuleSet(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".json", StringComparison.Ordinal)
            && !name.EndsWith(FixturesSuffix, StringComparison.Ordinal)
            && !name.EndsWith(SchemaSuffix, StringComparison.Ordinal);
    }

    /// <summary>The fixtures file beside a rule set file: <c>four-eyes.json</c> → <c>four-eyes.fixtures.json</c>.</summary>
    public static string FixturesFor(string ruleSetFile) =>
        Path.Combine(Path.GetDirectoryName(ruleSetFile) ?? string.Empty, Path.GetFileNameWithoutExtension(ruleSetFile) + FixturesSuffix);
}
