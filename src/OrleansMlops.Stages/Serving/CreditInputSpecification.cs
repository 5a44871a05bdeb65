namespace OrleansMlops.Stages.Serving;

/// <summary>
/// The input specification of the credit model, as its instructions for use declare it
/// (data/credit/evidence/instructions-for-use.md, AI Act Art. 13): age 21 – 70, debt-to-income 0.01 – 0.90, a credit
/// history (the model is not valid without one), a positive income and loan amount, whole late payments, no negative
/// durations, and no duration longer than the applicant's life. Outside it the score means nothing, so it is refused.
/// </summary>
public static class CreditInputSpecification
{
    public const double MinAge = 21;

    public const double MaxAge = 70;

    public const double MinDebtToIncome = 0.01;

    public const double MaxDebtToIncome = 0.90;

    /// <summary>Throws <see cref="PredictionInputException"/> naming the first field outside the specification.</summary>
    public static void Check(CreditApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        Finite("age", application.Age);
        Finite("income", application.Income);
        Finite("debtToIncome", application.DebtToIncome);
        Finite("creditHistoryYears", application.CreditHistoryYears);
        Finite("latePayments", application.LatePayments);
        Finite("loanAmount", application.LoanAmount);
        Finite("employmentYears", application.EmploymentYears);

        Require("age", application.Age is >= MinAge and <= MaxAge, $"must be {MinAge} to {MaxAge} years", application.Age);
        Require("income", application.Income > 0, "must be a positive yearly income", application.Income);
        Require(
            "debtToIncome",
            application.DebtToIncome is >= MinDebtToIncome and <= MaxDebtToIncome,
            $"must be {MinDebtToIncome} to {MaxDebtToIncome}",
            application.DebtToIncome);
        Require(
            "creditHistoryYears",
            application.CreditHistoryYears > 0 && application.CreditHistoryYears <= application.Age,
            "must be more than 0 years (the model is not valid without a credit history) and no more than the age",
            application.CreditHistoryYears);
        Require(
            "latePayments",
            application.LatePayments >= 0 && Math.Floor(application.LatePayments) == application.LatePayments,
            "must be a whole number of at least 0",
            application.LatePayments);
        Require("loanAmount", application.LoanAmount > 0, "must be a positive amount", application.LoanAmount);
        Require(
            "employmentYears",
            application.EmploymentYears >= 0 && application.EmploymentYears <= application.Age,
            "must be 0 or more years and no more than the age",
            application.EmploymentYears);
    }

    private static void Finite(string field, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new PredictionInputException(field, $"'{field}' must be a finite number; got {value}.");
        }
    }

    private static void Require(string field, bool holds, string rule, double value)
    {
        if (!holds)
        {
            throw new PredictionInputException(
                field, $"'{field}' {rule}; got {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }
}
