namespace OrleansMlops.Stages.Data;

/// <summary>
/// Generates the synthetic credit applicants of <c>data/credit</c>. The label comes from a logistic model of the
/// features plus an unobserved risk term; sex does not enter it, but women's incomes are drawn slightly lower, so a
/// small, measurable approval gap reaches the model through income. See <c>data/credit/README.md</c>.
/// </summary>
public sealed class CreditDataGenerator
{
    public const ulong DefaultSeed = 20_250_101;

    public const int DefaultCount = 2_000;

    /// <summary>Log-income gap of women: about 16 % lower median income, of the order of observed gender pay gaps.</summary>
    private const double FemaleLogIncomeGap = 0.18;

    private const double MedianLogIncome = 10.55;

    private readonly ulong _seed;

    public CreditDataGenerator(ulong seed = DefaultSeed) => _seed = seed;

    public IReadOnlyList<CreditApplicant> Generate(int count = DefaultCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new SplitMix64(_seed);
        var applicants = new CreditApplicant[count];
        for (var i = 0; i < count; i++)
        {
            applicants[i] = Next(random, i + 1);
        }

        return applicants;
    }

    // The order of the draws below is part of the data set's definition: changing it changes every row.
    private static CreditApplicant Next(SplitMix64 random, int applicantId)
    {
        var female = random.NextDouble() < 0.5;
        var age = (int)Math.Clamp(Math.Round(38.0 + (11.0 * random.NextGaussian())), 21, 70);
        var workingYears = age - 18.0;
        var employmentYears = Tenths(random.NextDouble() * workingYears * 0.8);
        var creditHistoryYears = Tenths(workingYears * (0.2 + (0.8 * random.NextDouble())));

        var centredAge = age - 38.0;
        var logIncome = MedianLogIncome
            + (0.015 * centredAge)
            - (0.0004 * centredAge * centredAge)
            + (0.015 * employmentYears)
            + (0.30 * random.NextGaussian())
            - (female ? FemaleLogIncomeGap : 0.0);
        var income = (int)(Math.Round(PortableMath.Exp(logIncome) / 100.0) * 100.0);
        var loanAmount = (int)(Math.Round(income * (0.15 + (0.6 * random.NextDouble())) / 500.0) * 500.0);
        var loanToIncome = (double)loanAmount / income;
        var debtToIncome = Thousandths(Math.Clamp(0.10 + (0.25 * loanToIncome) + (0.08 * random.NextGaussian()), 0.01, 0.90));

        // Unobserved payment discipline: it drives late payments, and the model sees it only through them.
        var discipline = random.NextGaussian();
        var latePayments = (int)Math.Max(0.0, Math.Floor(0.3 + (0.9 * discipline) + (0.6 * random.NextGaussian())));

        var logit = -1.2
            + (6.0 * (debtToIncome - 0.30))
            + (1.0 * latePayments)
            + (1.5 * (loanToIncome - 0.45))
            - (2.0 * (logIncome - MedianLogIncome))
            - (0.07 * (creditHistoryYears - 10.0))
            - (0.05 * (employmentYears - 6.0))
            + (0.3 * discipline);
        var defaulted = random.NextDouble() < PortableMath.Sigmoid(logit);

        return new CreditApplicant(
            applicantId,
            age,
            female ? CreditCsv.Female : CreditCsv.Male,
            income,
            debtToIncome,
            creditHistoryYears,
            latePayments,
            loanAmount,
            employmentYears,
            defaulted);
    }

    // Values are rounded as soon as they are drawn, so later draws and the label depend on exactly what the file holds.
    private static double Tenths(double value) => Math.Round(value * 10.0) / 10.0;

    private static double Thousandths(double value) => Math.Round(value * 1000.0) / 1000.0;
}
