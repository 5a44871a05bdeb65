using System.Globalization;

namespace OrleansMlops.SampleWorker;

/// <summary>
/// A credit model backtest over scored loans: how well the predicted probabilities of default rank the loans that
/// defaulted (AUC, Gini), how close they are on average (Brier score), and whether the portfolio's default rate matches
/// the predicted one (a binomial z-test, the usual PD calibration check).
/// </summary>
public sealed record Backtest(
    int Samples,
    int Defaults,
    double Auc,
    double Gini,
    double Brier,
    double ObservedDefaultRate,
    double ExpectedDefaultRate,
    double CalibrationZ)
{
    /// <summary>|z| below this: the observed default rate is within the 95 % band of the predicted one.</summary>
    public const double CalibrationBound = 1.96;

    public bool Calibrated => Math.Abs(CalibrationZ) < CalibrationBound;

    public static Backtest Of(IReadOnlyList<double> probabilities, IReadOnlyList<int> outcomes)
    {
        if (probabilities.Count != outcomes.Count)
        {
            throw new ArgumentException($"{probabilities.Count} probabilities but {outcomes.Count} outcomes: one of each per loan.");
        }

        foreach (var p in probabilities.Where(p => !(p is >= 0 and <= 1)).Take(1))
        {
            throw new ArgumentException($"A probability of default must be between 0 and 1; got {p.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (outcomes.Any(o => o is not (0 or 1)))
        {
            throw new ArgumentException("An outcome is 1 (defaulted) or 0 (repaid).");
        }

        var n = outcomes.Count;
        var defaults = outcomes.Sum();
        if (defaults == 0 || defaults == n)
        {
            throw new ArgumentException($"A backtest needs defaulted and repaid loans; got {defaults} defaults in {n}.");
        }

        var auc = RankAuc(probabilities, outcomes, defaults);
        var brier = probabilities.Select((p, i) => (p - outcomes[i]) * (p - outcomes[i])).Average();
        var observed = (double)defaults / n;
        var expected = probabilities.Average();
        var z = expected is > 0 and < 1 ? (observed - expected) / Math.Sqrt(expected * (1 - expected) / n) : double.NaN;
        if (!double.IsFinite(z))
        {
            throw new ArgumentException("The predicted default rate is 0 or 1: calibration cannot be tested.");
        }

        return new Backtest(n, defaults, auc, (2 * auc) - 1, brier, observed, expected, z);
    }

    /// <summary>Reads a comma-separated list of invariant numbers, as a run variable carries a series.</summary>
    public static double[] Series(string text, string name) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v =>
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
                ? x
                : throw new FormatException($"'{v}' in {name} is not a number."))];

    /// <summary>The Mann–Whitney statistic: the chance a defaulted loan scores higher than a repaid one (ties count half).</summary>
    private static double RankAuc(IReadOnlyList<double> probabilities, IReadOnlyList<int> outcomes, int defaults)
    {
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ToArray();
        var rankSumOfDefaults = 0.0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && probabilities[order[end + 1]] == probabilities[order[start]])
            {
                end++;
            }

            var averageRank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                rankSumOfDefaults += outcomes[order[k]] * averageRank;
            }

            start = end + 1;
        }

        var repaid = probabilities.Count - defaults;
        return (rankSumOfDefaults - (defaults * (defaults + 1) / 2.0)) / ((double)defaults * repaid);
    }
}
