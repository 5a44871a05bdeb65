using System.Text;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Governance.Tests.Support;

namespace OrleansMlops.Governance.Tests.Loading;

/// <summary>Expressions whose types do not fit the gate input are refused at load (Compile), naming rule and expression.</summary>
public sealed class TypeCheckTests
{
    [Theory]
    [InlineData("input.Environment == \"prod\"")]
    [InlineData("model.Lifecycle > 3")]
    [InlineData("model.Lifecycle == 1")]
    [InlineData("model.Metric(\"auc\") == \"high\"")]
    [InlineData("run.Thresholds.Count > \"0\"")]
    [InlineData("model.RevalidationDueAt > 5")]
    [InlineData("actor == \"bob\"")]
    [InlineData("run.Submitter == run.Trainer.Id")]
    [InlineData("model.Documents == \"x\"")]
    [InlineData("input.Environment.LogRetentionDays >= \"183\"")]
    [InlineData("model.HasDocument(1)")]
    [InlineData("model.DocumentAttribute(\"risk-register\") != \"\"")]
    [InlineData("model.Registered == \"true\"")]
    [InlineData("input.Now > \"2026-01-01\"")]
    [InlineData("model.ThresholdChecks.All(c => c.Passed == \"yes\")")]
    [InlineData("model.RevalidationDueAt > \"2027-01-01\"")]
    public async Task Type_mismatch_is_refused_at_load(string expression)
    {
        var json = RuleSetJson.SingleRule("typed", "enter:deploy", "typed rule", expression);

        var error = await Assert.ThrowsAsync<GovernanceException>(() => new RuleSetLoader().LoadAsync("typed.json", Encoding.UTF8.GetBytes(json)));

        Assert.Equal(GovernancePhase.Compile, error.Phase);
        Assert.Equal("typed rule", error.RuleName);
        Assert.Equal(expression, error.Expression);
        Assert.Contains($"rule 'typed rule', expression `{expression}`", error.Message, StringComparison.Ordinal);
    }
}
