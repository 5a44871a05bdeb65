using OrleansMlops.SampleWorker;

namespace OrleansMlops.Workers.Tests.Unit;

public sealed class BacktestTests
{
    [Fact]
    public void A_perfect_ranking_has_auc_one_and_ties_count_half()
    {
        Assert.Equal(1.0, Backtest.Of([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]).Auc);

        // Of the 4 defaulted-repaid pairs, one is a tie (0.3 and 0.3, half a pair) and three are ranked right.
        var tied = Backtest.Of([0.3, 0.3, 0.1, 0.9], [1, 0, 0, 1]);
        Assert.Equal((0.5 + 1 + 1 + 1) / 4, tied.Auc, 12);
    }

    [Fact]
    public void A_portfolio_defaulting_far_more_than_predicted_is_not_calibrated()
    {
        var probabilities = Enumerable.Repeat(0.02, 100).ToArray();
        var outcomes = Enumerable.Range(0, 100).Select(i => i % 10 == 0 ? 1 : 0).ToArray();

        var backtest = Backtest.Of(probabilities, outcomes);

        // 10 defaults where 2 were predicted: z = (0.10 - 0.02) / sqrt(0.02 * 0.98 / 100).
        Assert.Equal(0.08 / Math.Sqrt(0.02 * 0.98 / 100), backtest.CalibrationZ, 12);
        Assert.False(backtest.Calibrated);
    }

    [Fact]
    public void Mismatched_series_and_one_sided_outcomes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Backtest.Of([0.1, 0.2], [1]));
        Assert.Throws<ArgumentException>(() => Backtest.Of([0.1, 0.2], [0, 0]));
        Assert.Throws<ArgumentException>(() => Backtest.Of([0.1, 1.2], [0, 1]));
        Assert.Throws<FormatException>(() => Backtest.Series("0.1,abc", "backtest.probabilities"));
    }
}
