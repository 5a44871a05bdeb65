using OrleansMlops.Stages.Modeling;

namespace OrleansMlops.Stages.Tests;

public sealed class ApprovalDisparityTests
{
    [Fact]
    public void Hand_made_example()
    {
        // Group a: 3 of 4 approved (0.75); group b: 1 of 2 approved (0.50).
        string[] groups = ["a", "a", "a", "a", "b", "b"];
        bool[] predictedDefault = [false, false, false, true, false, true];

        var result = ApprovalDisparity.Compute(groups, predictedDefault);

        Assert.Equal(0.75, result.ApprovalRates["a"]);
        Assert.Equal(0.50, result.ApprovalRates["b"]);
        Assert.Equal(0.25, result.Disparity);
    }

    [Fact]
    public void Equal_rates_give_zero_whatever_the_group_sizes()
    {
        var result = ApprovalDisparity.Compute(["a", "a", "b", "b", "b", "b"], [true, false, true, true, false, false]);

        Assert.Equal(0.0, result.Disparity);
    }

    [Fact]
    public void Three_groups_give_the_highest_minus_the_lowest_rate()
    {
        var result = ApprovalDisparity.Compute(["a", "b", "b", "c", "c"], [false, true, false, true, true]);

        Assert.Equal(1.0, result.Disparity);
    }

    [Fact]
    public void One_group_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ApprovalDisparity.Compute(["a", "a"], [true, false]));

        Assert.StartsWith("Approval disparity needs at least two groups; found 1.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaired_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ApprovalDisparity.Compute(["a", "b"], [true]));
    }
}
