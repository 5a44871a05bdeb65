using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance.Evaluation;

/// <summary>
/// The one JSON form of a gate input: the snapshot stored with each decision (<see cref="GateDecision.InputJson"/>),
/// what the dry run reads back, and the shape of fixture inputs. camelCase, compact, dictionaries in key order (the
/// same input always gives the same text), NaN and infinities as named literals. Reading refuses unknown and duplicate
/// properties, so a misspelt fact in a fixture cannot pass silently; a member left out reads as null (or empty for
/// the collections with a default).
/// </summary>
public static class GateInputJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(GateInput input) => JsonSerializer.Serialize(input, Options);

    /// <summary>Reads a gate input; throws <see cref="JsonException"/> naming the path when the text does not fit.</summary>
    public static GateInput Deserialize(string json) =>
        JsonSerializer.Deserialize<GateInput>(json, Options) ?? throw new JsonException("The gate input is JSON null.");

    public static GateInput Deserialize(JsonElement json) =>
        json.Deserialize<GateInput>(Options) ?? throw new JsonException("The gate input is JSON null.");

    /// <summary>Builds the serializer's metadata now (tens of milliseconds) instead of during the first decision.</summary>
    internal static void WarmUp() => Deserialize(Serialize(NeutralGateInput.Value));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = false,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            Converters = { new SortedDictionaryConverterFactory() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
