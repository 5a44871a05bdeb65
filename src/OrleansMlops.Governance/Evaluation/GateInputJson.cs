using System.Text.Json;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Evaluation;

/// <summary>
/// The snapshot of a gate input stored with each decision: camelCase, compact, dictionaries in key order, so the
/// same input always gives the same text.
/// </summary>
internal static class GateInputJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Converters = { new SortedDictionaryConverterFactory() },
    };

    public static string Serialize(GateInput input) => JsonSerializer.Serialize(input, Options);

    /// <summary>Builds the serializer's metadata now (tens of milliseconds) instead of during the first decision.</summary>
    public static void WarmUp() => Serialize(NeutralGateInput.Value);
}
