namespace OrleansMlops.Workflows.Tests;

public sealed class ConditionSyntaxTests
{
    [Theory]
    [InlineData("${auc >=}", 8, "the condition ends where a value was expected")]
    [InlineData("auc # 3", 4, "unexpected character '#'")]
    [InlineData("auc = 3", 4, "'=' is not an operator; compare with '=='")]
    [InlineData("a & b", 2, "'&' is not an operator; use '&&' or 'and'")]
    [InlineData("a | b", 2, "'|' is not an operator; use '||' or 'or'")]
    [InlineData("(auc > 3", 8, "expected ')' to close the '(' at offset 0 but found 'end of condition'")]
    [InlineData("auc > 3)", 7, "unexpected ')' after a complete expression")]
    [InlineData("auc 3", 4, "unexpected '3' after a complete expression")]
    [InlineData("'open", 0, "string starting here has no closing '")]
    [InlineData("'bad \\n escape'", 5, "unknown escape '\\n' in a string")]
    [InlineData("1. > 0", 1, "a decimal point must be followed by digits")]
    [InlineData("1e > 0", 1, "an exponent must have digits")]
    [InlineData("12abc > 0", 2, "unexpected character 'a' in a number")]
    [InlineData("model. > 0", 5, "a '.' in a name must be followed by a name segment")]
    [InlineData("model..auc > 0", 5, "a '.' in a name must be followed by a name segment")]
    [InlineData("${auc > 3", 0, "'${' has no closing '}' at the end of the condition")]
    [InlineData("${}", 2, "the condition is empty")]
    [InlineData("   ", 3, "the condition is empty")]
    [InlineData("=", 1, "the condition is empty")]
    [InlineData("> 3", 0, "expected a value but found '>'")]
    [InlineData("auc > > 3", 6, "expected a value but found '>'")]
    [InlineData("()", 1, "expected a value but found ')'")]
    [InlineData("auc > 3 and", 11, "the condition ends where a value was expected")]
    public void Syntax_errors_name_the_offset(string text, int position, string reason)
    {
        var exception = Assert.Throws<ConditionSyntaxException>(() => Condition.Parse(text));

        Assert.Equal(position, exception.Position);
        Assert.Equal(reason, exception.Reason);
        Assert.Equal($"{reason} (at offset {position})", exception.Message);
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var allowed = new string('(', ConditionParser.MaxDepth) + "true" + new string(')', ConditionParser.MaxDepth);
        Assert.True(Condition.Parse(allowed).Evaluate(new Dictionary<string, OrleansMlops.Abstractions.Variable>()));

        var tooDeep = new string('(', ConditionParser.MaxDepth + 1) + "true" + new string(')', ConditionParser.MaxDepth + 1);
        var exception = Assert.Throws<ConditionSyntaxException>(() => Condition.Parse(tooDeep));
        Assert.Equal(ConditionParser.MaxDepth, exception.Position);
        Assert.Contains("nests deeper than 32 levels", exception.Message, StringComparison.Ordinal);

        var negations = new string('!', ConditionParser.MaxDepth + 1) + "true";
        Assert.Throws<ConditionSyntaxException>(() => Condition.Parse(negations));
    }

    [Fact]
    public void Length_is_bounded()
    {
        var longest = "a == " + new string('1', Condition.MaxLength - 5);
        Assert.Equal(Condition.MaxLength, longest.Length);
        Condition.Parse(longest);

        var exception = Assert.Throws<ConditionSyntaxException>(() => Condition.Parse(longest + "1"));
        Assert.Contains("longer than 1000 characters", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_flat_chain_parses_and_evaluates_without_deep_recursion_limits()
    {
        var chain = string.Join(" + ", Enumerable.Repeat("1", 200)) + " == 200";

        Assert.True(Condition.Parse(chain).Evaluate(new Dictionary<string, OrleansMlops.Abstractions.Variable>()));
    }

    [Theory]
    [InlineData("approved", true)]
    [InlineData("model.auc", true)]
    [InlineData("_private2", true)]
    [InlineData("1st", false)]
    [InlineData("model.", false)]
    [InlineData("a b", false)]
    [InlineData("true", false)]
    [InlineData("", false)]
    public void Variable_names_follow_the_identifier_rule(string name, bool valid)
    {
        Assert.Equal(valid, Condition.IsVariableName(name));
    }
}
