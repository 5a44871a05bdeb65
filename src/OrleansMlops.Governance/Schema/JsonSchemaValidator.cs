using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrleansMlops.Governance.Schema;

/// <summary>
/// A JSON Schema (draft 2020-12) validator for the subset of keywords rule-set.schema.json uses. A schema that uses any
/// other keyword is refused when the validator is built, so the schema can never say more than is enforced.
/// </summary>
internal sealed class JsonSchemaValidator
{
    /// <summary>Every keyword this validator understands; annotations (title, description, $comment…) have no effect.</summary>
    public static readonly FrozenSet<string> SupportedKeywords = new[]
    {
        "$schema", "$id", "$defs", "$ref", "$comment", "title", "description", "examples",
        "type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems",
        "minLength", "maxLength", "pattern", "enum", "const",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The pattern the schema uses for "not blank"; reported in words rather than as a regular expression.</summary>
    private const string NotBlank = "\\S";

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    private readonly JsonElement _root;
    private readonly ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public JsonSchemaValidator(JsonElement schema)
    {
        _root = schema.Clone();
        CheckKeywords(_root, "#");
    }

    public IReadOnlyList<SchemaViolation> Validate(JsonElement instance)
    {
        var violations = new List<SchemaViolation>();
        Validate(instance, _root, JsonPointer.Root, violations);
        return violations;
    }

    private void Validate(JsonElement instance, JsonElement schema, string pointer, List<SchemaViolation> violations)
    {
        if (schema.ValueKind == JsonValueKind.False)
        {
            violations.Add(new(pointer, $"{JsonPointer.Describe(pointer)} is not allowed."));
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Validate(instance, Resolve(reference.GetString()!), pointer, violations);
        }

        // Violations of this schema's own keywords carry its description, which tells the author what is expected.
        var local = new List<SchemaViolation>();
        var wrongType = schema.TryGetProperty("type", out var type) && !MatchesType(instance, type);
        if (wrongType)
        {
            local.Add(new(pointer, $"{JsonPointer.Describe(pointer)} must be {DescribeType(type)}, not {KindName(instance)}."));
        }
        else
        {
            CheckValue(instance, schema, pointer, local);
            switch (instance.ValueKind)
            {
                case JsonValueKind.String:
                    CheckString(instance.GetString()!, schema, pointer, local);
                    break;
                case JsonValueKind.Array:
                    CheckArrayBounds(instance, schema, pointer, local);
                    break;
                case JsonValueKind.Object:
                    CheckRequired(instance, schema, pointer, local);
                    break;
            }
        }

        var hint = Hint(schema);
        violations.AddRange(local.Select(v => v with { Message = v.Message + hint }));
        if (wrongType)
        {
            return;
        }

        if (instance.ValueKind == JsonValueKind.Object)
        {
            CheckProperties(instance, schema, pointer, violations);
        }
        else if (instance.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var itemSchema))
        {
            var index = 0;
            foreach (var item in instance.EnumerateArray())
            {
                Validate(item, itemSchema, JsonPointer.Append(pointer, index++), violations);
            }
        }
    }

    private static void CheckValue(JsonElement instance, JsonElement schema, string pointer, List<SchemaViolation> violations)
    {
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(instance, constant))
        {
            violations.Add(new(pointer, $"{JsonPointer.Describe(pointer)} must be {constant.GetRawText()}, not {instance.GetRawText()}."));
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(instance, o)))
        {
            violations.Add(new(pointer,
                $"{JsonPointer.Describe(pointer)} is {instance.GetRawText()}, which is not one of {string.Join(", ", options.EnumerateArray().Select(o => o.GetRawText()))}."));
        }
    }

    private static void CheckRequired(JsonElement instance, JsonElement schema, string pointer, List<SchemaViolation> violations)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!instance.TryGetProperty(name, out _))
                {
                    violations.Add(new(pointer, $"required property \"{name}\" is missing from {JsonPointer.Describe(pointer)}."));
                }
            }
        }
    }

    private void CheckProperties(JsonElement instance, JsonElement schema, string pointer, List<SchemaViolation> violations)
    {
        var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
        var additional = schema.TryGetProperty("additionalProperties", out var extra) ? extra : default;
        foreach (var property in instance.EnumerateObject())
        {
            var at = JsonPointer.Append(pointer, property.Name);
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Validate(property.Value, propertySchema, at, violations);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                violations.Add(new(at, $"property \"{property.Name}\" is not part of the format here (check its spelling and case)."));
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Validate(property.Value, additional, at, violations);
            }
        }
    }

    private static void CheckArrayBounds(JsonElement instance, JsonElement schema, string pointer, List<SchemaViolation> violations)
    {
        var count = instance.GetArrayLength();
        if (schema.TryGetProperty("minItems", out var minItems) && count < minItems.GetInt32())
        {
            violations.Add(new(pointer, $"{JsonPointer.Describe(pointer)} must hold at least {minItems.GetInt32()} item(s); it holds {count}."));
        }

        if (schema.TryGetProperty("maxItems", out var maxItems) && count > maxItems.GetInt32())
        {
            violations.Add(new(pointer, $"{JsonPointer.Describe(pointer)} may hold at most {maxItems.GetInt32()} item(s); it holds {count}."));
        }

        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            var items = instance.EnumerateArray().ToList();
            for (var i = 1; i < items.Count; i++)
            {
                if (items.Take(i).Any(previous => JsonElement.DeepEquals(previous, items[i])))
                {
                    violations.Add(new(JsonPointer.Append(pointer, i), $"{JsonPointer.Describe(pointer)} lists {items[i].GetRawText()} more than once."));
                }
            }
        }
    }

    private void CheckString(string value, JsonElement schema, string pointer, List<SchemaViolation> violations)
    {
        var length = new StringInfo(value).LengthInTextElements;
        if (schema.TryGetProperty("minLength", out var minLength) && length < minLength.GetInt32())
        {
            violations.Add(new(pointer, $"{JsonPointer.Describe(pointer)} must be at least {minLength.GetInt32()} character(s) long."));
        }

        if (schema.TryGetProperty("maxLength", out var maxLength) && length > maxLength.GetInt32())
        {
            violations.Add(new(pointer, $"{JsonPointer.Describe(pointer)} is {length} characters long; at most {maxLength.GetInt32()} are allowed."));
        }

        if (schema.TryGetProperty("pattern", out var pattern) && !Pattern(pattern.GetString()!).IsMatch(value))
        {
            if (pattern.GetString() == NotBlank)
            {
                violations.Add(new(pointer, $"{JsonPointer.Describe(pointer)} must not be blank."));
                return;
            }

            violations.Add(new(pointer, $"{JsonPointer.Describe(pointer)} holds '{value}', which does not match the pattern {pattern.GetString()}."));
        }
    }

    private JsonElement Resolve(string reference)
    {
        // Only local references into $defs: "#/$defs/<name>".
        const string Prefix = "#/$defs/";
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal)
            || !_root.TryGetProperty("$defs", out var defs)
            || !defs.TryGetProperty(reference[Prefix.Length..], out var target))
        {
            throw new InvalidOperationException($"The schema reference '{reference}' does not resolve to a definition under #/$defs.");
        }

        return target;
    }

    private Regex Pattern(string pattern) =>
        _patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, PatternTimeout));

    private void CheckKeywords(JsonElement schema, string location)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"The schema at {location} is neither an object nor a boolean.");
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            if (!SupportedKeywords.Contains(keyword.Name))
            {
                throw new InvalidOperationException($"The schema at {location} uses the keyword '{keyword.Name}', which the rule set validator does not support.");
            }

            switch (keyword.Name)
            {
                case "properties" or "$defs":
                    foreach (var child in keyword.Value.EnumerateObject())
                    {
                        CheckKeywords(child.Value, $"{location}/{keyword.Name}/{child.Name}");
                    }

                    break;
                case "items" or "additionalProperties":
                    CheckKeywords(keyword.Value, $"{location}/{keyword.Name}");
                    break;
                case "$ref":
                    Resolve(keyword.Value.GetString()!);
                    break;
                case "pattern":
                    Pattern(keyword.Value.GetString()!);
                    break;
            }
        }
    }

    private static bool MatchesType(JsonElement instance, JsonElement type) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => MatchesType(instance, t.GetString()!))
            : MatchesType(instance, type.GetString()!);

    private static bool MatchesType(JsonElement instance, string type) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => instance.ValueKind == JsonValueKind.Null,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && instance.TryGetDecimal(out var value) && decimal.Truncate(value) == value,
        _ => throw new InvalidOperationException($"Unknown JSON Schema type '{type}'."),
    };

    private static string DescribeType(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array
            ? string.Join(" or ", type.EnumerateArray().Select(t => Article(t.GetString()!)))
            : Article(type.GetString()!);

    private static string Article(string type) => type switch
    {
        "object" or "array" or "integer" => "an " + type,
        "null" => "null",
        _ => "a " + type,
    };

    private static string KindName(JsonElement instance) => instance.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Hint(JsonElement schema) =>
        schema.TryGetProperty("description", out var description) ? " " + description.GetString() : string.Empty;
}
