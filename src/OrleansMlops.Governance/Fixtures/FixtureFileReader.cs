using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Governance.Evaluation;

namespace OrleansMlops.Governance.Fixtures;

/// <summary>
/// Reads a fixtures file: <c>{ "ruleSet": id, "base": GateInput?, "cases": [ { "name", "input", "expect": { "outcome",
/// "rules": { name: bool } } } ] }</c>. A case's <c>input</c> is a JSON merge patch over <c>base</c> when the file has
/// one, else a whole gate input, in the JSON form of <see cref="GateInputJson"/> (the decisions' <c>InputJson</c>).
/// Throws <see cref="InvalidDataException"/> naming the case and the problem.
/// </summary>
public static class FixtureFileReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false };

    private static readonly string[] FileMembers = ["$schema", "ruleSet", "description", "base", "cases"];
    private static readonly string[] CaseMembers = ["name", "description", "input", "expect"];
    private static readonly string[] ExpectMembers = ["outcome", "rules"];

    public static async Task<RuleSetFixtureFile> ReadFileAsync(string path, CancellationToken cancellationToken) =>
        Read(await File.ReadAllTextAsync(path, cancellationToken));

    public static RuleSetFixtureFile Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the fixtures file is not valid JSON: {ex.Message}", ex);
        }

        var file = Object(root, "the fixtures file", FileMembers);
        var ruleSet = Text(file, "ruleSet", "the fixtures file");
        var baseInput = file["base"];
        if (file["cases"] is not JsonArray { Count: > 0 } cases)
        {
            throw new InvalidDataException("the fixtures file needs a non-empty \"cases\" array.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var read = ImmutableArray.CreateBuilder<FixtureCase>(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var fixture = ReadCase(cases[i], i, baseInput);
            if (!names.Add(fixture.Name))
            {
                throw new InvalidDataException($"case name '{fixture.Name}' is used twice.");
            }

            read.Add(fixture);
        }

        return new RuleSetFixtureFile(ruleSet, read.MoveToImmutable());
    }

    private static FixtureCase ReadCase(JsonNode? node, int index, JsonNode? baseInput)
    {
        var place = $"case {index + 1}";
        var fixture = Object(node, place, CaseMembers);
        var name = Text(fixture, "name", place);
        place = $"case '{name}'";
        if (!fixture.ContainsKey("input"))
        {
            throw new InvalidDataException($"{place} has no \"input\".");
        }

        var merged = baseInput is null ? fixture["input"] : JsonMergePatch.Apply(baseInput, fixture["input"]);
        GateInput input;
        try
        {
            input = merged is null ? throw new JsonException("the input is null.") : GateInputJson.Deserialize(merged.ToJsonString());
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{place}: the input is not a gate input: {ex.Message}", ex);
        }

        return new FixtureCase(name, input, ReadExpectation(fixture["expect"], place));
    }

    private static FixtureExpectation ReadExpectation(JsonNode? node, string place)
    {
        var expect = Object(node, $"{place} \"expect\"", ExpectMembers);
        var outcomeText = Text(expect, "outcome", $"{place} \"expect\"");
        if (!Enum.TryParse<GateOutcome>(outcomeText, ignoreCase: false, out var outcome) || !Enum.IsDefined(outcome))
        {
            throw new InvalidDataException($"{place}: \"outcome\" is '{outcomeText}'; use \"Allowed\", \"Blocked\" or \"Error\".");
        }

        var rules = ImmutableDictionary.CreateBuilder<string, bool>(StringComparer.Ordinal);
        if (expect["rules"] is { } rulesNode)
        {
            if (rulesNode is not JsonObject ruleObject)
            {
                throw new InvalidDataException($"{place}: \"rules\" must be an object of rule name → true/false.");
            }

            foreach (var (rule, value) in ruleObject)
            {
                rules[rule] = value?.GetValueKind() switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new InvalidDataException($"{place}: the expectation of rule '{rule}' must be true or false."),
                };
            }
        }

        return new FixtureExpectation(outcome, rules.ToImmutable());
    }

    private static JsonObject Object(JsonNode? node, string place, string[] allowed)
    {
        if (node is not JsonObject value)
        {
            throw new InvalidDataException($"{place} must be a JSON object.");
        }

        foreach (var (name, _) in value)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"{place} has an unknown member \"{name}\"; allowed: {string.Join(", ", allowed)}.");
            }
        }

        return value;
    }

    private static string Text(JsonObject node, string member, string place) =>
        node[member] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw new InvalidDataException($"{place} needs a non-empty string \"{member}\".");
}
