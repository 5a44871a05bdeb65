using System.Text;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Governance.Tests.Support;

namespace OrleansMlops.Governance.Tests.Loading;

/// <summary>Expressions that would reach outside the input or burn CPU and memory are refused at load, before anything runs.</summary>
public sealed class MaliciousExpressionTests
{
    [Theory]
    [InlineData("model.GetType().Assembly.Location != \"\"", "'GetType' is not allowed in a rule: reflection is not allowed")]
    [InlineData("Enumerable.Range(0, int.MaxValue).Count() > 0", "'Range' is not allowed in a rule: it builds sequences or strings whose size does not depend on the input")]
    [InlineData("\"a\".PadLeft(1000000000).Length > 0", "'PadLeft' is not allowed in a rule")]
    [InlineData("System.IO.File.ReadAllText(\"/etc/passwd\") != \"\"", "'System' is not allowed in a rule: a rule reads the gate input only")]
    [InlineData("File.Exists(\"/etc/passwd\")", "'File' is not allowed in a rule")]
    [InlineData("Process.GetCurrentProcess().Id > 0", "'Process' is not allowed in a rule")]
    [InlineData("actor.Roles.All(r => actor.Roles.All(s => actor.Roles.Any(t => t == r + s)))", "nests lambdas more than 2 deep")]
    public async Task Malicious_expression_is_refused_at_load_with_a_clear_message(string expression, string phrase)
    {
        var json = RuleSetJson.SingleRule("malicious", "approve", "innocent looking rule", expression);

        var error = await Assert.ThrowsAsync<GovernanceException>(() => new RuleSetLoader().LoadAsync("malicious.json", Encoding.UTF8.GetBytes(json)));

        Assert.True(error.Phase is GovernancePhase.Safety or GovernancePhase.Compile, error.Message);
        Assert.Equal("innocent looking rule", error.RuleName);
        Assert.Contains($"rule 'innocent looking rule', expression `{expression}`", error.Message, StringComparison.Ordinal);
        Assert.Contains(phrase, error.Message, StringComparison.Ordinal);
    }
}
