using System.Text.Json;

namespace OrleansMlops.Governance.Schema;

/// <summary>
/// policies/rule-set.schema.json, embedded in this assembly, and the check of a rule set file against it. A violation
/// is a load refusal naming the line, the position and the JSON pointer, and the rule when it lies inside one.
/// </summary>
internal static class RuleSetSchema
{
    public const string FileName = "rule-set.schema.json";

    /// <summary>The value policy files put in <c>"$schema"</c>.</summary>
    public const string Reference = "./" + FileName;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    private static readonly Lazy<JsonSchemaValidator> Validator = new(() => new JsonSchemaValidator(Load()));

    /// <summary>The schema text, as shipped.</summary>
    public static string Text()
    {
        using var stream = typeof(RuleSetSchema).Assembly.GetManifestResourceStream("OrleansMlops.Governance." + FileName)
            ?? throw new InvalidOperationException($"{FileName} is not embedded in {typeof(RuleSetSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<SchemaViolation> Violations(JsonElement document) => Validator.Value.Validate(document);

    /// <summary>Refuses <paramref name="content"/> (known to be well-formed JSON) if it does not follow the schema.</summary>
    public static void Check(string file, byte[] content)
    {
        using var document = JsonDocument.Parse(content, DocumentOptions);
        var violations = Violations(document.RootElement);
        if (violations.Count == 0)
        {
            return;
        }

        var positions = JsonPositions.Index(content);
        var first = violations[0];
        var more = violations.Count > 1 ? $" ({violations.Count - 1} more violation(s) after this one)" : string.Empty;
        throw new GovernanceException(
            GovernancePhase.Load,
            $"the file does not follow {FileName} at {positions.Describe(first.Pointer)} ({first.Pointer}): {first.Message}{more}",
            file,
            RuleSetId(document.RootElement),
            RuleName(document.RootElement, first.Pointer));
    }

    private static JsonElement Load()
    {
        using var document = JsonDocument.Parse(Text(), DocumentOptions);
        return document.RootElement.Clone();
    }

    private static string? RuleSetId(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    /// <summary>The RuleName of the rule a pointer such as /workflows/0/Rules/3/Expression lies in, if it has one.</summary>
    private static string? RuleName(JsonElement root, string pointer)
    {
        var segments = JsonPointer.Segments(pointer);
        if (segments is not ["workflows", var w, "Rules", var r, ..]
            || !int.TryParse(w, out var workflow) || !int.TryParse(r, out var rule))
        {
            return null;
        }

        try
        {
            var element = root.GetProperty("workflows")[workflow].GetProperty("Rules")[rule];
            return element.TryGetProperty("RuleName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException)
        {
            return null;
        }
    }
}
