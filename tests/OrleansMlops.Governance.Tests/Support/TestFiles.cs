namespace OrleansMlops.Governance.Tests.Support;

/// <summary>Rule set files copied next to the test assembly (see the project file).</summary>
internal static class TestFiles
{
    public static string Good { get; } = Path.Combine(AppContext.BaseDirectory, "RuleSets", "good");

    public static string Bad { get; } = Path.Combine(AppContext.BaseDirectory, "RuleSets", "bad");

    /// <summary>The shipped default policies from the repository's <c>policies/</c> folder.</summary>
    public static string Policies { get; } = Path.Combine(AppContext.BaseDirectory, "policies");

    /// <summary>The rule set files of a folder (not its fixtures or schema), by name.</summary>
    public static TheoryData<string> RuleSetsIn(string directory)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Where(OrleansMlops.Governance.Catalog.RuleSetFiles.IsRuleSet).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static TheoryData<string> NamesIn(string directory)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
