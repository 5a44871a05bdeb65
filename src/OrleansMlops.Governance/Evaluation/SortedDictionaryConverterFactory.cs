using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMlops.Governance.Evaluation;

/// <summary>
/// Writes <see cref="ImmutableDictionary{TKey,TValue}"/> with string keys in ordinal key order. Hash order would make
/// two snapshots of the same input differ, and the snapshot is the audit evidence of what the gate saw.
/// </summary>
internal sealed class SortedDictionaryConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType
        && typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableDictionary<,>)
        && typeToConvert.GetGenericArguments()[0] == typeof(string);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(SortedDictionaryConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[1]))!;

    private sealed class SortedDictionaryConverter<TValue> : JsonConverter<ImmutableDictionary<string, TValue>>
    {
        public override ImmutableDictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (JsonSerializer.Deserialize<Dictionary<string, TValue>>(ref reader, options) ?? []).ToImmutableDictionary(StringComparer.Ordinal);

        public override void Write(Utf8JsonWriter writer, ImmutableDictionary<string, TValue> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, item) in value.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndObject();
        }
    }
}
