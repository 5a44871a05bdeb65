using System.Security.Cryptography;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Governance.Tests.Support;

namespace OrleansMlops.Governance.Tests;

public sealed class RuleSetLoaderTests
{
    /// <summary>What each file in RuleSets/bad must be refused for: phase, rule (null for file-level problems), and a phrase of the reason.</summary>
    private static readonly Dictionary<string, (GovernancePhase Phase, string? Rule, string Phrase)> Refusals = new()
    {
        ["unknown-property.json"] = (GovernancePhase.Compile, "auc recorded", "No property or field 'Auc'"),
        ["syntax-error.json"] = (GovernancePhase.Compile, "registered", "Expression expected"),
        ["type-mismatch.json"] = (GovernancePhase.Compile, "lifecycle", "System.Int32"),
        ["wrong-case.json"] = (GovernancePhase.Compile, "registered lowercase", "No property or field 'registered'"),
        ["not-boolean.json"] = (GovernancePhase.Compile, "version", "Boolean"),
        ["gettype-assembly.json"] = (GovernancePhase.Safety, "reflection", "'GetType' is not allowed"),
        ["enumerable-range.json"] = (GovernancePhase.Safety, "range", "'Range' is not allowed"),
        ["pad-left.json"] = (GovernancePhase.Safety, "pad", "'PadLeft' is not allowed"),
        ["file-access.json"] = (GovernancePhase.Safety, "read secrets", "'System' is not allowed"),
        ["process-start.json"] = (GovernancePhase.Safety, "start a shell", "'Process' is not allowed"),
        ["string-join.json"] = (GovernancePhase.Safety, "join", "'Join' is not allowed"),
        ["new-object.json"] = (GovernancePhase.Safety, "new", "'new' is not allowed"),
        ["static-clock.json"] = (GovernancePhase.Safety, "wall clock", "System.DateTimeOffset.UtcNow"),
        ["substring.json"] = (GovernancePhase.Safety, "substring", "System.String.Substring"),
        ["record-method.json"] = (GovernancePhase.Compile, "record equality", "Equals"),
        ["dictionary-method.json"] = (GovernancePhase.Safety, "contains value", "ContainsValue"),
        ["lambda-depth.json"] = (GovernancePhase.Safety, "cubic", "nests lambdas"),
        ["on-success-action.json"] = (GovernancePhase.Safety, "with action", "Actions (OnSuccess/OnFailure)"),
        ["local-params.json"] = (GovernancePhase.Safety, "with local param", "LocalParams"),
        ["global-params.json"] = (GovernancePhase.Safety, null, "GlobalParams"),
        ["unknown-json-field.json"] = (GovernancePhase.Load, null, "'Expresion'"),
        ["duplicate-json-key.json"] = (GovernancePhase.Load, null, "Duplicate"),
        ["invalid-json.json"] = (GovernancePhase.Load, null, "line 5, position 3"),
        ["missing-id.json"] = (GovernancePhase.Load, null, "\"id\""),
        ["empty-applies-to.json"] = (GovernancePhase.Load, null, "\"appliesTo\""),
        ["unknown-transition.json"] = (GovernancePhase.Load, null, "'deploy'"),
        ["bad-effective-dates.json"] = (GovernancePhase.Load, null, "\"effectiveUntil\""),
        ["duplicate-rule-name.json"] = (GovernancePhase.Load, "Registered", "defined twice"),
        ["empty-expression.json"] = (GovernancePhase.Load, "blank", "\"Expression\" must not be blank"),
        ["missing-error-message.json"] = (GovernancePhase.Load, "silent", "\"ErrorMessage\" must be a string, not null"),
        ["message-placeholder.json"] = (GovernancePhase.Load, "placeholder", "placeholder"),
        ["nested-rules.json"] = (GovernancePhase.Load, "parent", "nested rules"),
    };

    private readonly RuleSetLoader _loader = new();

    public static TheoryData<string> GoodFiles => TestFiles.NamesIn(TestFiles.Good);

    public static TheoryData<string> BadFiles => TestFiles.NamesIn(TestFiles.Bad);

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public async Task Good_rule_set_loads_with_its_content_hash(string fileName)
    {
        var path = Path.Combine(TestFiles.Good, fileName);

        var loaded = await _loader.LoadFileAsync(path);

        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), loaded.Id);
        Assert.NotEmpty(loaded.Rules);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))), loaded.ContentHash);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_rule_set_is_refused_naming_phase_rule_and_expression(string fileName)
    {
        Assert.True(Refusals.TryGetValue(fileName, out var expected), $"RuleSets/bad/{fileName} has no expected refusal in this test.");

        var error = await Assert.ThrowsAsync<GovernanceException>(() => _loader.LoadFileAsync(Path.Combine(TestFiles.Bad, fileName)));

        Assert.Equal(expected.Phase, error.Phase);
        Assert.Equal(fileName, Path.GetFileName(error.File));
        Assert.Contains($"file '{fileName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected.Phrase, error.Message, StringComparison.Ordinal);
        Assert.Equal(expected.Rule, error.RuleName);
        if (expected.Rule is not null)
        {
            Assert.Contains($"rule '{expected.Rule}'", error.Message, StringComparison.Ordinal);
        }

        if (expected.Phase is GovernancePhase.Compile or GovernancePhase.Safety && expected.Rule is not null)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Expression));
            Assert.Contains($"expression `{error.Expression}`", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Expression_longer_than_the_limit_is_refused_for_safety()
    {
        var expression = string.Join(" && ", Enumerable.Repeat("model.Registered", 200));
        Assert.True(expression.Length > 2_000);
        var json = RuleSetJson.SingleRule("too-long", "enter:deploy", "long", expression);

        var error = await Assert.ThrowsAsync<GovernanceException>(
            () => _loader.LoadAsync("too-long.json", System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal(GovernancePhase.Safety, error.Phase);
        Assert.Contains("the limit is 2000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unbounded_expressions_are_refused_before_anything_runs()
    {
        // Each of these costs seconds and hundreds of megabytes if it ever runs; the refusal must come from the text alone.
        string[] expressions =
        [
            "Enumerable.Range(0, 100000000).Count() > 0",
            "Enumerable.Repeat(\"x\", 100000000).Count() > 0",
            "\"a\".PadLeft(100000000).Length > 0",
            "string.Join(\",\", run.Variables.Keys) != \"\"",
            "string.Concat(run.Variables.Keys) != \"\"",
        ];
        foreach (var expression in expressions)
        {
            var json = RuleSetJson.SingleRule("unbounded", "enter:deploy", "unbounded", expression);

            var error = await Assert.ThrowsAsync<GovernanceException>(() => _loader.LoadAsync("unbounded.json", System.Text.Encoding.UTF8.GetBytes(json)));

            Assert.Equal(GovernancePhase.Safety, error.Phase);
        }
    }
}
