using System.Globalization;
using System.Text;
using OrleansMlops.Stages.Artifacts;
using OrleansMlops.Stages.Modeling;

namespace OrleansMlops.Stages.Serving;

/// <summary>
/// One applicant to score: exactly the model's features (<see cref="CreditModelInput.FeatureColumns"/>), nothing else,
/// so no protected attribute can reach the model. Check it with <see cref="CreditInputSpecification.Check"/> first.
/// </summary>
public sealed record CreditApplication(
    double Age,
    double Income,
    double DebtToIncome,
    double CreditHistoryYears,
    double LatePayments,
    double LoanAmount,
    double EmploymentYears)
{
    /// <summary>
    /// The input as canonical JSON: keys sorted ordinally, numbers in the invariant shortest round-trip form, no spaces.
    /// The same values always give the same text, however the caller formatted or ordered them.
    /// </summary>
    public string CanonicalJson()
    {
        // Ordinal order of the JSON names; the field names are fixed ASCII, so nothing needs escaping.
        (string Name, double Value)[] fields =
        [
            ("age", Age),
            ("creditHistoryYears", CreditHistoryYears),
            ("debtToIncome", DebtToIncome),
            ("employmentYears", EmploymentYears),
            ("income", Income),
            ("latePayments", LatePayments),
            ("loanAmount", LoanAmount),
        ];
        var json = new StringBuilder("{");
        foreach (var (name, value) in fields)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            // -0 and 0 are the same input; "R" would write them differently.
            var number = value == 0 ? 0d : value;
            json.Append('"').Append(name).Append("\":").Append(number.ToString("R", CultureInfo.InvariantCulture));
        }

        return json.Append('}').ToString();
    }

    /// <summary>
    /// SHA-256 of <see cref="CanonicalJson"/>: the reference to the input that the inference log keeps instead of the
    /// applicant's personal data (AI Act Art. 12 asks for an input reference; GDPR asks for minimisation).
    /// </summary>
    public string InputSha256() => Sha256Hex.Of(Encoding.UTF8.GetBytes(CanonicalJson()));

    public CreditModelInput ToModelInput() => new()
    {
        Age = (float)Age,
        Income = (float)Income,
        DebtToIncome = (float)DebtToIncome,
        CreditHistoryYears = (float)CreditHistoryYears,
        LatePayments = (float)LatePayments,
        LoanAmount = (float)LoanAmount,
        EmploymentYears = (float)EmploymentYears,
    };
}
