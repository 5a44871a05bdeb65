using OrleansMlops.Cli.Commands;

namespace OrleansMlops.Cli.Tests;

public sealed class RunParametersTests
{
    [Fact]
    public void Key_value_is_a_string_and_key_colon_equals_is_a_json_scalar()
    {
        var parameters = RunParameters.Parse(["tier=1", "threshold.auc.min:=0.7", "retrain:=true", "note=a=b", "label:=\"x\""]);

        Assert.Equal("""{"tier":"1","threshold.auc.min":0.7,"retrain":true,"note":"a=b","label":"x"}""", parameters.ToJsonString());
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=x")]
    [InlineData("n:={\"a\":1}")]
    [InlineData("n:=not-json")]
    public void Malformed_values_are_named(string value) =>
        Assert.Contains(value, RunParameters.Problem(value), StringComparison.Ordinal);

    [Fact]
    public void A_parameter_given_twice_is_named_with_both_values_whichever_form_each_takes()
    {
        var problem = Assert.Single(RunParameters.Problems(["tier=1", "owner=x", "tier:=2"]));

        Assert.Equal("--param 'tier' is given 2 times ('tier=1', 'tier:=2'); give each parameter once.", problem);
    }

    [Fact]
    public void Distinct_well_formed_parameters_have_no_problems() =>
        Assert.Empty(RunParameters.Problems(["tier=1", "Tier=2", "threshold.auc.min:=0.7"]));
}
