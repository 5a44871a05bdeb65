using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMlops.Grains.Runs;

/// <summary>One JSON shape for audit payloads, so a record's bytes (and its hash) never depend on who wrote it.</summary>
internal static class AuditJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
