using System.Globalization;
using System.Text;

namespace OrleansMlops.Stages.Data;

/// <summary>
/// The credit CSV format: a fixed header, fixed column order, invariant culture, fixed decimals, <c>\n</c> line ends,
/// UTF-8 without BOM. Fixed formatting is what makes regenerated files byte-identical to the committed ones.
/// </summary>
public static class CreditCsv
{
    public const string Female = "female";

    public const string Male = "male";

    public const string Header =
        "applicant_id,age,sex,income,debt_to_income,credit_history_years,late_payments,loan_amount,employment_years,defaulted";

    private const int ColumnCount = 10;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Format(IEnumerable<CreditApplicant> applicants)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var a in applicants)
        {
            text.Append(a.ApplicantId.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(a.Age.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(a.Sex).Append(',')
                .Append(a.Income.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(a.DebtToIncome.ToString("F3", CultureInfo.InvariantCulture)).Append(',')
                .Append(a.CreditHistoryYears.ToString("F1", CultureInfo.InvariantCulture)).Append(',')
                .Append(a.LatePayments.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(a.LoanAmount.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(a.EmploymentYears.ToString("F1", CultureInfo.InvariantCulture)).Append(',')
                .Append(a.Defaulted ? '1' : '0')
                .Append('\n');
        }

        return Utf8NoBom.GetBytes(text.ToString());
    }

    /// <summary>Parses file bytes; throws <see cref="InvalidDataException"/> naming the line of the first problem.</summary>
    public static IReadOnlyList<CreditApplicant> Parse(ReadOnlySpan<byte> content)
    {
        var lines = Utf8NoBom.GetString(content).Split('\n');
        if (lines[0] != Header)
        {
            throw new InvalidDataException($"Line 1: expected the header '{Header}'.");
        }

        var applicants = new List<CreditApplicant>(lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            // The format ends every row with '\n', so the split leaves one empty string at the end.
            if (i == lines.Length - 1 && lines[i].Length == 0)
            {
                break;
            }

            applicants.Add(ParseRow(lines[i], i + 1));
        }

        return applicants;
    }

    private static CreditApplicant ParseRow(string line, int lineNumber)
    {
        var fields = line.Split(',');
        if (fields.Length != ColumnCount)
        {
            throw new InvalidDataException($"Line {lineNumber}: expected {ColumnCount} columns, found {fields.Length}.");
        }

        var sex = fields[2];
        if (sex is not (Female or Male))
        {
            throw new InvalidDataException($"Line {lineNumber}: sex must be '{Female}' or '{Male}', found '{sex}'.");
        }

        var defaulted = fields[9] switch
        {
            "1" => true,
            "0" => false,
            _ => throw new InvalidDataException($"Line {lineNumber}: defaulted must be 0 or 1, found '{fields[9]}'."),
        };

        return new CreditApplicant(
            Int(fields[0], "applicant_id", lineNumber),
            Int(fields[1], "age", lineNumber),
            sex,
            Int(fields[3], "income", lineNumber),
            Number(fields[4], "debt_to_income", lineNumber),
            Number(fields[5], "credit_history_years", lineNumber),
            Int(fields[6], "late_payments", lineNumber),
            Int(fields[7], "loan_amount", lineNumber),
            Number(fields[8], "employment_years", lineNumber),
            defaulted);
    }

    private static int Int(string field, string column, int lineNumber) =>
        int.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"Line {lineNumber}: {column} must be an integer, found '{field}'.");

    private static double Number(string field, string column, int lineNumber) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InvalidDataException($"Line {lineNumber}: {column} must be a number, found '{field}'.");
}
