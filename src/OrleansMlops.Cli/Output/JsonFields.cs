using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansMlops.Cli.Output;

/// <summary>Reading the host's JSON for human output without binding it to types: a field the CLI does not know is still in --json.</summary>
public static class JsonFields
{
    /// <summary>A field as text: strings as they are, numbers and booleans in invariant form, null/missing as null.</summary>
    public static string? Text(this JsonNode? node, string property) => AsText(node?[property]);

    public static string? AsText(this JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        JsonValue v => v.ToJsonString(),
        _ => value.ToJsonString(),
    };

    public static bool Flag(this JsonNode? node, string property) =>
        node?[property] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static long? Number(this JsonNode? node, string property) =>
        node?[property] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<long>() : null;

    public static IEnumerable<JsonNode> Items(this JsonNode? node, string? property = null) =>
        (property is null ? node : node?[property]) is JsonArray array ? array.OfType<JsonNode>() : [];

    /// <summary>An array of strings joined with ", ".</summary>
    public static string? List(this JsonNode? node, string property)
    {
        var items = node.Items(property).Select(AsText).OfType<string>().ToList();
        return items.Count == 0 ? null : string.Join(", ", items);
    }

    /// <summary>An object's scalar members as "name=value" pairs, e.g. metrics.</summary>
    public static string? Pairs(this JsonNode? node, string property) =>
        node?[property] is JsonObject members && members.Count > 0
            ? string.Join(", ", members.Select(m => $"{m.Key}={Compact(m.Value)}"))
            : null;

    /// <summary>An instant as the host sent it, shortened to seconds in UTC.</summary>
    public static string? When(this JsonNode? node, string property) =>
        DateTimeOffset.TryParse(node.Text(property), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : node.Text(property);

    private static string Compact(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var number)
            ? Math.Round(number, 4).ToString(CultureInfo.InvariantCulture)
            : AsText(value) ?? "null";
}
