using System.Text;
using System.Text.Json;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Governance.Schema;
using OrleansMlops.Governance.Tests.Support;

namespace OrleansMlops.Governance.Tests.Schema;

/// <summary>policies/rule-set.schema.json: enforced at load with the JSON position, and only with keywords the validator knows.</summary>
public sealed class RuleSetSchemaTests
{
    private const string Violating = """
        {
          "$schema": "./rule-set.schema.json",
          "id": "schema-test",
          "title": "Schema test",
          "owner": "governance-tests",
          "appliesTo": ["approve"],
          "workflows": [
            {
              "WorkflowName": "w",
              "Rules": [
                {
                  "RuleName": "named",
                  "Expression": "actor.HasRole(\"approver\")",
                  "ErrorMessage": "Fix it.",
                  "Properties": { "source": { "article": 9 } }
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void The_embedded_schema_is_the_shipped_file_and_uses_only_supported_keywords()
    {
        var shipped = File.ReadAllText(Path.Combine(TestFiles.Policies, RuleSetSchema.FileName));
        using var document = JsonDocument.Parse(shipped);

        Assert.Equal(shipped, RuleSetSchema.Text());
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.RootElement.GetProperty("$schema").GetString());
        _ = new JsonSchemaValidator(document.RootElement);
    }

    [Fact]
    public async Task File_violating_the_schema_is_refused_at_load_with_the_json_position()
    {
        var error = await Assert.ThrowsAsync<GovernanceException>(() => new RuleSetLoader().LoadAsync("schema-test.json", Encoding.UTF8.GetBytes(Violating)));

        Assert.Equal(GovernancePhase.Load, error.Phase);
        Assert.Equal(("schema-test", "named"), (error.RuleSetId, error.RuleName));
        Assert.Contains("does not follow rule-set.schema.json at line 15, position 37 (/workflows/0/Rules/0/Properties/source)", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"source\" must be a string or a number or a boolean or null, not an object", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"$schema\": \"./rule-set.schema.json\"", "\"$schema\": \"rules.json\"", "\"$schema\" must be \"./rule-set.schema.json\"")]
    [InlineData("\"title\": \"Schema test\"", "\"title\": \"   \"", "line 4, position 12 (/title): \"title\" must not be blank")]
    [InlineData("\"RuleName\": \"named\"", "\"RuleName\": \"" + "n" + "amed very long rule name that goes on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on\"", "at most 200 are allowed")]
    [InlineData("\"appliesTo\": [\"approve\"]", "\"appliesTo\": [\"approve\", \"approve\"]", "line 6, position 28 (/appliesTo/1): \"appliesTo\" lists \"approve\" more than once")]
    public async Task Schema_violations_name_place_and_expectation(string original, string replacement, string phrase)
    {
        var json = Violating.Replace("{ \"source\": { \"article\": 9 } }", "{ \"source\": \"Art. 9\" }", StringComparison.Ordinal)
            .Replace(original, replacement, StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<GovernanceException>(() => new RuleSetLoader().LoadAsync("schema-test.json", Encoding.UTF8.GetBytes(json)));

        Assert.Equal(GovernancePhase.Load, error.Phase);
        Assert.Contains(phrase, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_refuses_a_schema_keyword_it_does_not_enforce()
    {
        using var schema = JsonDocument.Parse("""{ "type": "object", "properties": { "n": { "type": "integer", "minimum": 1 } } }""");

        var error = Assert.Throws<InvalidOperationException>(() => new JsonSchemaValidator(schema.RootElement));

        Assert.Contains("'minimum'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "n": 1 }""", 0)]
    [InlineData("""{ "n": 1.5 }""", 1)]
    [InlineData("""{ "n": 1, "tags": ["a", "b"] }""", 0)]
    [InlineData("""{ "n": 1, "tags": ["a", "a", "c"] }""", 2)]
    [InlineData("""{ "tags": [] }""", 2)]
    [InlineData("""{ "n": 1, "kind": "blue" }""", 1)]
    [InlineData("""{ "n": 1, "extra": true }""", 1)]
    public void Validator_enforces_types_arrays_enums_and_unknown_properties(string instance, int violations)
    {
        using var schema = JsonDocument.Parse("""
            {
              "type": "object", "required": ["n"], "additionalProperties": false,
              "properties": {
                "n": { "type": "integer" },
                "kind": { "enum": ["red", "green"] },
                "tags": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/tag" } }
              },
              "$defs": { "tag": { "type": "string", "pattern": "^[a-b]$" } }
            }
            """);
        using var document = JsonDocument.Parse(instance);

        Assert.Equal(violations, new JsonSchemaValidator(schema.RootElement).Validate(document.RootElement).Count);
    }
}
