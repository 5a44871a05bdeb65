using System.Collections.Immutable;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Governance.Expressions.Views;

/// <summary>What rule expressions see of <see cref="GateModelFacts"/>: the same members, collections as arrays.</summary>
public sealed class GateModelView
{
    private readonly GateModelFacts _model;

    internal GateModelView(GateModelFacts model)
    {
        _model = model;
        DatasetFiles = FactArrays.Of(model.DatasetFiles);
        ProtectedAttributes = FactArrays.Of(model.ProtectedAttributes);
        ThresholdChecks = FactArrays.Of(model.ThresholdChecks);
        Documents = FactArrays.Of(model.Documents);
        LiveIn = FactArrays.Of(model.LiveIn);
    }

    public bool Registered => _model.Registered;

    public string? Name => _model.Name;

    public int Version => _model.Version;

    public string? Purpose => _model.Purpose;

    public string? RiskClass => _model.RiskClass;

    public string Lifecycle => _model.Lifecycle;

    public ImmutableDictionary<string, double> Metrics => _model.Metrics;

    public string? DatasetSha256 => _model.DatasetSha256;

    public string? CodeCommit => _model.CodeCommit;

    public string? ArtifactSha256 => _model.ArtifactSha256;

    public string? DatasetId => _model.DatasetId;

    public string? DatasetVersion => _model.DatasetVersion;

    public DatasetFile[] DatasetFiles { get; }

    public string[] ProtectedAttributes { get; }

    public string? Owner => _model.Owner;

    public string? Tier => _model.Tier;

    public string? TrainedBy => _model.TrainedBy;

    public string? ValidatedBy => _model.ValidatedBy;

    public DateTimeOffset? RegisteredAt => _model.RegisteredAt;

    public DateTimeOffset? ValidatedAt => _model.ValidatedAt;

    public DateTimeOffset? RevalidationDueAt => _model.RevalidationDueAt;

    public ThresholdCheck[] ThresholdChecks { get; }

    public ModelDocument[] Documents { get; }

    public bool HasMetric(string name) => _model.HasMetric(name);

    public double Metric(string name) => _model.Metric(name);

    public bool HasDocument(string kind) => _model.HasDocument(kind);

    public string DocumentAttribute(string kind, string attribute) => _model.DocumentAttribute(kind, attribute);

    public bool DocumentCovers(string kind, string section) => _model.DocumentCovers(kind, section);

    public string[] LiveIn { get; }

    public bool IsLiveIn(string environment) => _model.IsLiveIn(environment);

    public ImmutableDictionary<string, double> Monitoring => _model.Monitoring;

    public bool HasMonitoringMetric(string name) => _model.HasMonitoringMetric(name);

    public double MonitoringMetric(string name) => _model.MonitoringMetric(name);
}
