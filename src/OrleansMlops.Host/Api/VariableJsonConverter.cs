using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansMlops.Abstractions;

namespace OrleansMlops.Host.Api;

/// <summary>Run variables travel as plain JSON values ("text", 0.81, true), the way callers wrote them.</summary>
internal sealed class VariableJsonConverter : JsonConverter<Variable>
{
    public override Variable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => Variable.Of(reader.GetString()!),
        JsonTokenType.Number => Variable.Of(reader.GetDouble()),
        JsonTokenType.True => Variable.Of(true),
        JsonTokenType.False => Variable.Of(false),
        _ => throw new JsonException($"A run variable must be a string, number or boolean, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, Variable value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case VariableKind.Number:
                writer.WriteNumberValue(value.Number);
                break;
            case VariableKind.Boolean:
                writer.WriteBooleanValue(value.Boolean);
                break;
            default:
                writer.WriteStringValue(value.Text);
                break;
        }
    }
}
