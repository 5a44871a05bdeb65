using System.Text.Json;
using OrleansMlops.Stages.Serving;

namespace OrleansMlops.Stages.Tests.Serving;

public sealed class CreditApplicationReaderTests
{
    private const string Valid =
        """{"age":35,"income":42000,"debtToIncome":0.25,"creditHistoryYears":9.5,"latePayments":1,"loanAmount":15000,"employmentYears":6}""";

    private static readonly string[] Protected = ["sex"];

    [Fact]
    public void A_valid_input_is_read_into_the_features()
    {
        var application = Read(Valid);

        Assert.Equal(new CreditApplication(35, 42_000, 0.25, 9.5, 1, 15_000, 6), application);
    }

    [Fact]
    public void The_input_reference_is_the_hash_of_canonical_json_whatever_the_order_and_number_format()
    {
        var reordered = Read(
            """{"employmentYears":6.0,"loanAmount":1.5e4,"latePayments":1,"creditHistoryYears":9.50,"debtToIncome":0.250,"income":42000.0,"age":35}""");
        var original = Read(Valid);

        Assert.Equal(
            """{"age":35,"creditHistoryYears":9.5,"debtToIncome":0.25,"employmentYears":6,"income":42000,"latePayments":1,"loanAmount":15000}""",
            original.CanonicalJson());
        Assert.Equal(original.InputSha256(), reordered.InputSha256());
        Assert.Equal(
            Artifacts.Sha256Hex.Of(System.Text.Encoding.UTF8.GetBytes(original.CanonicalJson())),
            original.InputSha256());
        Assert.NotEqual(original.InputSha256(), (original with { Income = 42_001 }).InputSha256());
        Assert.Equal((original with { EmploymentYears = 0 }).InputSha256(), (original with { EmploymentYears = -0.0 }).InputSha256());
    }

    [Theory]
    [InlineData("age")]
    [InlineData("income")]
    [InlineData("debtToIncome")]
    [InlineData("creditHistoryYears")]
    [InlineData("latePayments")]
    [InlineData("loanAmount")]
    [InlineData("employmentYears")]
    public void A_missing_feature_is_refused_naming_it(string field)
    {
        using var document = JsonDocument.Parse(Valid);
        var without = document.RootElement.EnumerateObject().Where(p => p.Name != field).ToDictionary(p => p.Name, p => p.Value);

        var error = Refused(JsonSerializer.Serialize(without));

        Assert.Equal(field, error.Field);
        Assert.Contains($"'{field}' is missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("age", "20", "21 to 70")]
    [InlineData("age", "71", "21 to 70")]
    [InlineData("age", "\"35\"", "finite JSON number")]
    [InlineData("age", "null", "finite JSON number")]
    [InlineData("income", "0", "positive")]
    [InlineData("income", "1e400", "finite JSON number")]
    [InlineData("debtToIncome", "0.005", "0.01 to 0.9")]
    [InlineData("debtToIncome", "0.95", "0.01 to 0.9")]
    [InlineData("creditHistoryYears", "0", "credit history")]
    [InlineData("creditHistoryYears", "36", "no more than the age")]
    [InlineData("latePayments", "-1", "whole number")]
    [InlineData("latePayments", "1.5", "whole number")]
    [InlineData("loanAmount", "-500", "positive")]
    [InlineData("employmentYears", "-0.5", "0 or more")]
    [InlineData("employmentYears", "-1e400", "finite JSON number")]
    public void A_value_outside_the_specification_is_refused_naming_the_field(string field, string value, string expected)
    {
        var error = Refused(With(field, value));

        Assert.Equal(field, error.Field);
        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_non_finite_value_is_refused_naming_the_field(double value)
    {
        var application = Read(Valid) with { DebtToIncome = value };

        var error = Assert.Throws<PredictionInputException>(() => CreditInputSpecification.Check(application));

        Assert.Equal("debtToIncome", error.Field);
        Assert.Contains("finite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_protected_attribute_an_unknown_field_a_duplicate_or_a_non_object_is_refused()
    {
        var sex = Refused(Valid.Replace("{", "{\"sex\":\"female\",", StringComparison.Ordinal));
        Assert.Equal(("sex", true), (sex.Field, sex.Message.Contains("protected attribute", StringComparison.Ordinal)));

        var unknown = Refused(Valid.Replace("{", "{\"salary\":1,", StringComparison.Ordinal));
        Assert.Equal(("salary", true), (unknown.Field, unknown.Message.Contains("not a feature", StringComparison.Ordinal)));

        var duplicate = Refused(Valid.Replace("{", "{\"Age\":40,", StringComparison.Ordinal));
        Assert.Equal(("age", true), (duplicate.Field, duplicate.Message.Contains("more than once", StringComparison.Ordinal)));

        var array = Refused("[35]");
        Assert.Null(array.Field);
        Assert.Contains("JSON object", array.Message, StringComparison.Ordinal);
    }

    private static CreditApplication Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return CreditApplicationReader.Read(document.RootElement, Protected);
    }

    private static PredictionInputException Refused(string json) => Assert.Throws<PredictionInputException>(() => Read(json));

    private static string With(string field, string value)
    {
        using var document = JsonDocument.Parse(Valid);
        var parts = document.RootElement.EnumerateObject()
            .Select(p => $"\"{p.Name}\":{(p.Name == field ? value : p.Value.GetRawText())}");
        return "{" + string.Join(",", parts) + "}";
    }
}
