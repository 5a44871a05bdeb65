using OrleansMlops.Stages.Data;

namespace OrleansMlops.Stages.Modeling;

/// <summary>
/// A perturbation test of robustness (AI Act Art. 15): the AUC on the same labelled rows after adding Gaussian noise to
/// every numeric feature, with a standard deviation of <see cref="NoiseScale"/> times that feature's standard deviation
/// over the rows (values are kept non-negative, as every feature is). The noise comes from <see cref="SplitMix64"/>
/// seeded with <see cref="Seed"/>, so the same model and rows always give the same figure.
/// </summary>
public static class RobustnessTest
{
    public const ulong Seed = 0x2026_1123_0000_0015UL;

    public const double NoiseScale = 0.10;

    public static RobustnessResult Run(LoadedCreditModel model, IReadOnlyList<CreditApplicant> applicants, double cleanAuc)
    {
        var perturbed = CreditModelScorer.Score(model, Perturb([.. applicants.Select(CreditModelInput.From)], Seed, NoiseScale));
        return new RobustnessResult(cleanAuc, perturbed.Auc, cleanAuc - perturbed.Auc, NoiseScale);
    }

    /// <summary>The rows with seeded noise added to each feature; labels are unchanged.</summary>
    public static IReadOnlyList<CreditModelInput> Perturb(IReadOnlyList<CreditModelInput> rows, ulong seed, double scale)
    {
        var features = rows.Select(Features).ToArray();
        var width = features.Length == 0 ? 0 : features[0].Length;
        var deviations = Enumerable.Range(0, width).Select(j => StandardDeviation(features.Select(f => (double)f[j]))).ToArray();
        var random = new SplitMix64(seed);
        var perturbed = new List<CreditModelInput>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var noisy = new float[width];
            for (var j = 0; j < width; j++)
            {
                noisy[j] = (float)Math.Max(0.0, features[i][j] + (scale * deviations[j] * random.NextGaussian()));
            }

            perturbed.Add(WithFeatures(rows[i], noisy));
        }

        return perturbed;
    }

    private static float[] Features(CreditModelInput row) =>
        [row.Age, row.Income, row.DebtToIncome, row.CreditHistoryYears, row.LatePayments, row.LoanAmount, row.EmploymentYears];

    private static CreditModelInput WithFeatures(CreditModelInput row, float[] f) => new()
    {
        Age = f[0],
        Income = f[1],
        DebtToIncome = f[2],
        CreditHistoryYears = f[3],
        LatePayments = f[4],
        LoanAmount = f[5],
        EmploymentYears = f[6],
        Label = row.Label,
    };

    private static double StandardDeviation(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count < 2)
        {
            return 0.0;
        }

        var mean = list.Sum() / list.Count;
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
    }
}
