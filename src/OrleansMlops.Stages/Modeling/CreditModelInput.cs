using OrleansMlops.Stages.Data;

namespace OrleansMlops.Stages.Modeling;

/// <summary>
/// The columns the model is trained on. Sex is deliberately absent, so the protected attribute cannot be a feature.
/// </summary>
public sealed class CreditModelInput
{
    public static readonly string[] FeatureColumns =
    [
        nameof(Age),
        nameof(Income),
        nameof(DebtToIncome),
        nameof(CreditHistoryYears),
        nameof(LatePayments),
        nameof(LoanAmount),
        nameof(EmploymentYears),
    ];

    public float Age { get; set; }

    public float Income { get; set; }

    public float DebtToIncome { get; set; }

    public float CreditHistoryYears { get; set; }

    public float LatePayments { get; set; }

    public float LoanAmount { get; set; }

    public float EmploymentYears { get; set; }

    /// <summary>True when the applicant defaulted.</summary>
    public bool Label { get; set; }

    public static CreditModelInput From(CreditApplicant applicant) => new()
    {
        Age = applicant.Age,
        Income = applicant.Income,
        DebtToIncome = (float)applicant.DebtToIncome,
        CreditHistoryYears = (float)applicant.CreditHistoryYears,
        LatePayments = applicant.LatePayments,
        LoanAmount = applicant.LoanAmount,
        EmploymentYears = (float)applicant.EmploymentYears,
        Label = applicant.Defaulted,
    };
}
