using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMlops.Workers;

/// <summary>The engine's JSON: camelCase names, enums as camelCase strings, absent values left out.</summary>
internal static class WorkerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
