using System.Text.Json;

namespace OrleansMlops.Stages.Serving;

/// <summary>
/// Reads an applicant from a JSON object of the model's features (camelCase names, JSON numbers) and checks it
/// against <see cref="CreditInputSpecification"/>. Any other field is refused rather than ignored: a protected
/// attribute sent along would be personal data the model must never see, and a misspelt feature would otherwise surface
/// only as "missing".
/// </summary>
public static class CreditApplicationReader
{
    /// <summary>The JSON names of the features, in <see cref="Modeling.CreditModelInput.FeatureColumns"/> order.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["age", "income", "debtToIncome", "creditHistoryYears", "latePayments", "loanAmount", "employmentYears"];

    /// <exception cref="PredictionInputException">The input is not an object of exactly the features, each a finite number in range.</exception>
    public static CreditApplication Read(JsonElement body, IReadOnlyCollection<string> protectedAttributes)
    {
        ArgumentNullException.ThrowIfNull(protectedAttributes);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new PredictionInputException(
                $"The input must be a JSON object of the features {string.Join(", ", FieldNames)}; got {body.ValueKind}.");
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            if (protectedAttributes.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new PredictionInputException(
                    name, $"'{name}' is a protected attribute: it is never a model input, so it must not be sent.");
            }

            var field = FieldNames.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new PredictionInputException(
                    name, $"'{name}' is not a feature of the model; the features are {string.Join(", ", FieldNames)}.");
            if (values.ContainsKey(field))
            {
                throw new PredictionInputException(field, $"'{field}' is given more than once.");
            }

            // A JSON number too large for a double (1e400) reads as infinity, which the model must not see.
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var value) || !double.IsFinite(value))
            {
                throw new PredictionInputException(
                    field, $"'{field}' must be a finite JSON number; got {property.Value.ValueKind} {property.Value.GetRawText()}.");
            }

            values.Add(field, value);
        }

        if (FieldNames.FirstOrDefault(f => !values.ContainsKey(f)) is { } missing)
        {
            throw new PredictionInputException(missing, $"'{missing}' is missing; every feature is required.");
        }

        var application = new CreditApplication(
            values["age"],
            values["income"],
            values["debtToIncome"],
            values["creditHistoryYears"],
            values["latePayments"],
            values["loanAmount"],
            values["employmentYears"]);
        CreditInputSpecification.Check(application);
        return application;
    }
}
