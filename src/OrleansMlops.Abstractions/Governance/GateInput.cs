using System.Collections.Immutable;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Abstractions.Governance;

/// <summary>
/// The typed facts a rule set sees. Rule expressions address it through the parameters
/// <c>input</c>, <c>run</c>, <c>model</c> and <c>actor</c> (the person acting now, e.g. the approver).
/// Documented field by field in policies/README.md.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.gate-input")]
public sealed record GateInput(
    [property: Id(0)] string Transition,
    [property: Id(1)] GateRunFacts Run,
    [property: Id(2)] GateModelFacts Model,
    [property: Id(3)] Actor Actor,
    [property: Id(4)] GateEnvironmentFacts Environment,
    [property: Id(5)] DateTimeOffset Now);

/// <summary>
/// Facts about the run: workflow, the node being entered, variables (as text), thresholds declared at start
/// (<c>threshold.&lt;metric&gt;.min|max</c> parameters, keyed "&lt;metric&gt;.min") and who played which part.
/// </summary>
[GenerateSerializer, Immutable, Alias("mlops.gate-run-facts")]
public sealed record GateRunFacts(
    [property: Id(0)] string RunId,
    [property: Id(1)] string WorkflowId,
    [property: Id(2)] int WorkflowVersion,
    [property: Id(3)] string? NodeId,
    [property: Id(4)] string? Stage,
    [property: Id(5)] ImmutableDictionary<string, string> Variables,
    [property: Id(6)] Actor Submitter,
    [property: Id(7)] Actor? Trainer,
    [property: Id(8)] Actor? Validator,
    [property: Id(9)] Actor? Approver,
    [property: Id(10)] DateTimeOffset StartedAt,
    [property: Id(11)] ImmutableDictionary<string, double> Thresholds)
{
    public bool HasVariable(string name) => Variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value);

    public string Variable(string name) => Variables.GetValueOrDefault(name) ?? string.Empty;
}

/// <summary>Facts about the model version the run produced (empty before training): registry entry, lineage, metrics, evidence.</summary>
[GenerateSerializer, Immutable, Alias("mlops.gate-model-facts")]
public sealed record GateModelFacts(
    [property: Id(0)] bool Registered,
    [property: Id(1)] string? Name,
    [property: Id(2)] int Version,
    [property: Id(3)] string? Purpose,
    [property: Id(4)] string? RiskClass,
    [property: Id(5)] string Lifecycle,
    [property: Id(6)] ImmutableDictionary<string, double> Metrics,
    [property: Id(7)] string? DatasetSha256,
    [property: Id(8)] string? CodeCommit,
    [property: Id(9)] string? ArtifactSha256)
{
    public static GateModelFacts None { get; } =
        new(false, null, 0, null, null, "None", ImmutableDictionary<string, double>.Empty, null, null, null);

    [Id(10)]
    public string? DatasetId { get; init; }

    [Id(11)]
    public string? DatasetVersion { get; init; }

    [Id(12)]
    public ImmutableArray<DatasetFile> DatasetFiles { get; init; } = [];

    [Id(13)]
    public ImmutableArray<string> ProtectedAttributes { get; init; } = [];

    [Id(14)]
    public string? Owner { get; init; }

    [Id(15)]
    public string? Tier { get; init; }

    [Id(16)]
    public string? TrainedBy { get; init; }

    [Id(17)]
    public string? ValidatedBy { get; init; }

    [Id(18)]
    public DateTimeOffset? RegisteredAt { get; init; }

    [Id(19)]
    public DateTimeOffset? ValidatedAt { get; init; }

    [Id(20)]
    public DateTimeOffset? RevalidationDueAt { get; init; }

    [Id(21)]
    public ImmutableArray<ThresholdCheck> ThresholdChecks { get; init; } = [];

    [Id(22)]
    public ImmutableArray<ModelDocument> Documents { get; init; } = [];

    /// <summary>The environments where the version is live now (a promotion path rule asks <see cref="IsLiveIn"/>).</summary>
    [Id(23)]
    public ImmutableArray<string> LiveIn { get; init; } = [];

    public bool IsLiveIn(string environment) => LiveIn.Contains(environment, StringComparer.Ordinal);

    /// <summary>
    /// Metrics a monitoring service reported for the live version (<c>monitor</c> transition only; empty elsewhere):
    /// e.g. <c>drift</c>, <c>auc</c> on matured loans. Kept apart from <see cref="Metrics"/>, which are what training and
    /// validation measured, so a rule compares the two instead of reading one for the other.
    /// </summary>
    [Id(24)]
    public ImmutableDictionary<string, double> Monitoring { get; init; } = ImmutableDictionary<string, double>.Empty;

    public bool HasMonitoringMetric(string name) => Monitoring.ContainsKey(name);

    /// <summary>The reported monitoring metric, or NaN when the report did not carry it (every comparison with NaN is false).</summary>
    public double MonitoringMetric(string name) => Monitoring.GetValueOrDefault(name, double.NaN);

    public bool HasMetric(string name) => Metrics.ContainsKey(name);

    public double Metric(string name) => Metrics.GetValueOrDefault(name, double.NaN);

    public bool HasDocument(string kind) => Documents.Any(d => d.Kind == kind);

    /// <summary>The attribute a document of this kind declares, or "" when there is no such document or attribute.</summary>
    public string DocumentAttribute(string kind, string attribute) =>
        Documents.FirstOrDefault(d => d.Kind == kind)?.Attributes.GetValueOrDefault(attribute) ?? string.Empty;

    /// <summary>Whether a document of this kind lists <paramref name="section"/> in its comma-separated "sections" attribute.</summary>
    public bool DocumentCovers(string kind, string section) =>
        DocumentAttribute(kind, "sections").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(section, StringComparer.OrdinalIgnoreCase);
}
