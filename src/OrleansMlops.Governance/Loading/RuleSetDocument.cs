using System.Text.Json.Serialization;

namespace OrleansMlops.Governance.Loading;

/// <summary>
/// A rule set file as written: our header plus RulesEngine workflows. Only the JSON shape lives here; every value is
/// checked by <see cref="RuleSetDocumentValidator"/> so the error can name the field.
/// </summary>
internal sealed class RuleSetDocument
{
    /// <summary>For editors: "./rule-set.schema.json" (checked by the schema).</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("owner")]
    public string? Owner { get; set; }

    [JsonPropertyName("appliesTo")]
    public List<string?>? AppliesTo { get; set; }

    [JsonPropertyName("effectiveFrom")]
    public string? EffectiveFrom { get; set; }

    [JsonPropertyName("effectiveUntil")]
    public string? EffectiveUntil { get; set; }

    [JsonPropertyName("workflows")]
    public List<WorkflowDocument?>? Workflows { get; set; }
}
