using System.Collections.Immutable;
using OrleansMlops.Abstractions;

namespace OrleansMlops.Workflows.Tests;

public sealed class ConditionEvaluationTests
{
    private static readonly ImmutableDictionary<string, Variable> Variables = ImmutableDictionary<string, Variable>.Empty
        .Add("auc", Variable.Of(0.82))
        .Add("disparity", Variable.Of(0.05))
        .Add("count", Variable.Of(3))
        .Add("approved", Variable.Of(true))
        .Add("rejected", Variable.Of(false))
        .Add("name", Variable.Of("credit"))
        .Add("model.auc", Variable.Of(0.9))
        .Add("empty", Variable.Of(string.Empty));

    [Theory]
    [InlineData("${auc >= 0.70 && disparity <= 0.10}", true)]
    [InlineData("${auc >= 0.85 && disparity <= 0.10}", false)]
    [InlineData("= auc >= 0.7 and disparity <= 0.1", true)]
    [InlineData("auc > 0.8 or count > 10", true)]
    [InlineData("  ${ approved == true }  ", true)]
    [InlineData("${approved}", true)]
    [InlineData("${!approved}", false)]
    [InlineData("not rejected", true)]
    [InlineData("approved != rejected", true)]
    [InlineData("name == 'credit'", true)]
    [InlineData("name == \"credit\"", true)]
    [InlineData("name != 'fraud'", true)]
    [InlineData("name < 'debit'", true)]
    [InlineData("empty == ''", true)]
    [InlineData("model.auc > auc", true)]
    [InlineData("count * 2 + 1 == 7", true)]
    [InlineData("(count - 1) / 2 == 1", true)]
    [InlineData("count - 1 / 2 == 2.5", true)]
    [InlineData("-count < 0", true)]
    [InlineData("1e3 == 1000", true)]
    [InlineData("true || false && false", true)]
    [InlineData("(true || false) && false", false)]
    [InlineData("!(auc < 0.5) == true", true)]
    [InlineData("'it\\'s' == \"it's\"", true)]
    public void Conditions_evaluate_over_run_variables(string text, bool expected)
    {
        Assert.Equal(expected, Condition.Parse(text).Evaluate(Variables));
    }

    [Theory]
    [InlineData("missing == null", true)]
    [InlineData("missing != null", false)]
    [InlineData("null == null", true)]
    [InlineData("auc == null", false)]
    [InlineData("missing > 3", false)]
    [InlineData("missing <= 3", false)]
    [InlineData("!(missing > 3)", true)]
    [InlineData("missing != null && missing > 3", false)]
    [InlineData("missing == null || missing > 3", true)]
    public void A_missing_variable_is_null_and_never_orders(string text, bool expected)
    {
        Assert.Equal(expected, Condition.Parse(text).Evaluate(Variables));
    }

    [Theory]
    [InlineData("name > 3", "cannot order text 'credit' and number 3")]
    [InlineData("!(name > 3)", "cannot order text 'credit' and number 3")]
    [InlineData("name == 3", "cannot compare text 'credit' with number 3")]
    [InlineData("name != 3", "cannot compare text 'credit' with number 3")]
    [InlineData("approved == 'true'", "cannot compare boolean true with text 'true'")]
    [InlineData("approved > false", "cannot order boolean true and boolean false")]
    [InlineData("name + 1 > 0", "arithmetic needs numbers")]
    [InlineData("missing + 1 > 0", "arithmetic needs numbers, not null and number 1")]
    [InlineData("count / 0 > 1", "division by zero")]
    [InlineData("not count", "'not' needs a boolean, not number 3")]
    [InlineData("-name < 0", "'-' needs a number")]
    [InlineData("count && approved", "'and' needs booleans, not number 3")]
    [InlineData("rejected || name", "'or' needs booleans, not text 'credit'")]
    [InlineData("auc", "the condition gives number 0.82, not a boolean")]
    [InlineData("missing", "the condition gives null, not a boolean")]
    public void Type_errors_make_the_whole_condition_false_and_say_why(string text, string reason)
    {
        var condition = Condition.Parse(text);

        Assert.False(condition.Evaluate(Variables));
        Assert.False(condition.Evaluate(Variables, out var error));
        Assert.Equal(reason, error?[..Math.Min(error.Length, reason.Length)]);
    }

    [Fact]
    public void The_right_side_of_a_decided_logical_operator_is_not_evaluated()
    {
        Assert.False(Condition.Parse("rejected && name > 3").Evaluate(Variables, out var andError));
        Assert.Null(andError);
        Assert.True(Condition.Parse("approved || name > 3").Evaluate(Variables, out var orError));
        Assert.Null(orError);
    }

    [Fact]
    public void Evaluation_uses_invariant_numbers_and_the_original_text_is_kept()
    {
        var condition = Condition.Parse("${auc >= 0.70}");

        Assert.Equal("${auc >= 0.70}", condition.Text);
        Assert.Equal("${auc >= 0.70}", condition.ToString());
        Assert.True(condition.Evaluate(new Dictionary<string, Variable> { ["auc"] = Variable.Of(0.7) }));
    }
}
