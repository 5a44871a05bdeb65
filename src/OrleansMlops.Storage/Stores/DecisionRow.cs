using System.Collections.Immutable;
using System.Text.Json;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Storage.Stores;

/// <summary>A gate_decisions row as Dapper reads it and the append binds it; the rule set versions are a JSON array.</summary>
internal sealed class DecisionRow
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string DecisionId { get; set; } = "";
    public string RunId { get; set; } = "";
    public string Transition { get; set; } = "";
    public string? NodeId { get; set; }
    public string Outcome { get; set; } = "";
    public string RuleSets { get; set; } = "[]";
    public string InputJson { get; set; } = "";

    /// <summary>The input as <c>gate_decision_inputs</c> keeps it; null for decisions logged before that table (their input is <see cref="InputJson"/>).</summary>
    public byte[]? InputDeflated { get; set; }
    public string EvaluatedAt { get; set; } = "";
    public double DurationMs { get; set; }
    public string? Error { get; set; }

    public static DecisionRow From(GateDecision decision) => new()
    {
        DecisionId = decision.DecisionId,
        RunId = decision.RunId,
        Transition = decision.Transition,
        NodeId = decision.NodeId,
        Outcome = decision.Outcome.ToString(),
        RuleSets = JsonSerializer.Serialize(decision.RuleSets.IsDefault ? [] : decision.RuleSets, Json),
        InputDeflated = DecisionInput.Deflate(decision.InputJson),
        EvaluatedAt = UtcTimestamp.Format(decision.EvaluatedAt),
        DurationMs = decision.DurationMs,
        Error = decision.Error,
    };

    public GateDecision ToDecision(IEnumerable<RuleResultRow> results) => new(
        DecisionId,
        RunId,
        Transition,
        NodeId,
        Enum.Parse<GateOutcome>(Outcome),
        JsonSerializer.Deserialize<ImmutableArray<RuleSetRef>>(RuleSets, Json),
        [.. results.OrderBy(r => r.Ordinal).Select(r => r.ToResult())],
        InputDeflated is { } deflated ? DecisionInput.Inflate(deflated) : InputJson,
        UtcTimestamp.Parse(EvaluatedAt),
        DurationMs,
        Error);
}
