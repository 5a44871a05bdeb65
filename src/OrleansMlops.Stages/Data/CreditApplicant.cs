namespace OrleansMlops.Stages.Data;

/// <summary>
/// One synthetic loan applicant as stored in the credit CSV files. <see cref="Sex"/> is the protected attribute:
/// it is kept for fairness measurement and never given to the model.
/// </summary>
public sealed record CreditApplicant(
    int ApplicantId,
    int Age,
    string Sex,
    int Income,
    double DebtToIncome,
    double CreditHistoryYears,
    int LatePayments,
    int LoanAmount,
    double EmploymentYears,
    bool Defaulted);
