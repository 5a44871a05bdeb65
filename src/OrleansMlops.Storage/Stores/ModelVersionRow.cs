using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Storage.Models;

namespace OrleansMlops.Storage.Stores;

/// <summary>A model_versions row as Dapper reads and writes it; dictionaries and lists are JSON text.</summary>
internal sealed class ModelVersionRow
{
    // Metrics may be NaN (a metric that could not be measured); plain JSON has no literal for it.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Name { get; set; } = "";
    public long Version { get; set; }
    public string Lifecycle { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string RiskClass { get; set; } = "";
    public string? Owner { get; set; }
    public string? Tier { get; set; }
    public string OwnerRunId { get; set; } = "";
    public string ArtifactSha256 { get; set; } = "";
    public string DatasetId { get; set; } = "";
    public string DatasetVersion { get; set; } = "";
    public string CodeCommit { get; set; } = "";
    public string TrainedBy { get; set; } = "";
    public string TrainedAt { get; set; } = "";
    public string RegisteredAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
    public string? ApprovedBy { get; set; }
    public string Environments { get; set; } = "[]";
    public string Tags { get; set; } = "[]";
    public string ParametersJson { get; set; } = "{}";
    public string TrainingEnvironmentJson { get; set; } = "{}";
    public string TrainingMetricsJson { get; set; } = "{}";
    public string ValidationMetricsJson { get; set; } = "{}";
    public long Revision { get; set; }

    public static ModelVersionRow From(ModelVersionView view, long revision)
    {
        var registration = view.Registration;
        var lineage = registration.Lineage;
        return new ModelVersionRow
        {
            Name = view.Key.Name,
            Version = view.Key.Version,
            Lifecycle = view.Lifecycle.ToString(),
            Purpose = registration.Purpose,
            RiskClass = registration.RiskClass,
            Owner = registration.Owner,
            Tier = registration.Tier,
            OwnerRunId = view.OwnerRunId,
            ArtifactSha256 = registration.ArtifactSha256,
            DatasetId = lineage.DatasetId,
            DatasetVersion = lineage.DatasetVersion,
            CodeCommit = lineage.CodeCommit,
            TrainedBy = lineage.TrainedBy,
            TrainedAt = UtcTimestamp.Format(lineage.TrainedAt),
            RegisteredAt = UtcTimestamp.Format(RegisteredAtOf(view)),
            UpdatedAt = UtcTimestamp.Format(UpdatedAtOf(view)),
            ApprovedBy = view.ApprovedBy,
            Environments = JsonSerializer.Serialize(CurrentEnvironments(view), Json),
            Tags = JsonSerializer.Serialize(TagsOf(view), Json),
            ParametersJson = Serialize(lineage.Parameters),
            TrainingEnvironmentJson = Serialize(lineage.Environment),
            TrainingMetricsJson = Serialize(registration.TrainingMetrics),
            ValidationMetricsJson = Serialize(view.ValidationMetrics),
            Revision = revision,
        };
    }

    /// <summary>Where the version is live now; a state written before environments were tracked has none.</summary>
    public static ImmutableArray<string> CurrentEnvironments(ModelVersionView view) =>
        view.LiveIn.IsDefault ? [] : [.. view.LiveIn.Distinct(StringComparer.Ordinal)];

    /// <summary>The version's tags; a state written before tags existed has none.</summary>
    public static ImmutableArray<string> TagsOf(ModelVersionView view) =>
        view.Registration.Tags.IsDefault ? [] : [.. view.Registration.Tags.Distinct(StringComparer.Ordinal)];

    public ModelVersionSummary ToSummary() => new(
        Name,
        checked((int)Version),
        Enum.Parse<ModelLifecycle>(Lifecycle),
        Purpose,
        RiskClass,
        Owner,
        Tier,
        ArtifactSha256,
        DatasetId,
        DatasetVersion,
        CodeCommit,
        TrainedBy,
        UtcTimestamp.Parse(TrainedAt),
        UtcTimestamp.Parse(RegisteredAt),
        UtcTimestamp.Parse(UpdatedAt),
        ApprovedBy,
        JsonSerializer.Deserialize<ImmutableArray<string>>(Environments, Json),
        JsonSerializer.Deserialize<ImmutableArray<string>>(Tags, Json),
        Revision);

    public ModelVersionLineage ToLineage(IEnumerable<ModelFileRow> files) => new(
        Name,
        checked((int)Version),
        ArtifactSha256,
        DatasetId,
        DatasetVersion,
        [.. files.OrderBy(f => f.Ordinal).Select(f => f.ToFile())],
        CodeCommit,
        Deserialize<string>(ParametersJson),
        Deserialize<string>(TrainingEnvironmentJson),
        Deserialize<double>(TrainingMetricsJson),
        Deserialize<double>(ValidationMetricsJson),
        TrainedBy,
        UtcTimestamp.Parse(TrainedAt));

    // The registration event's time; a view always has one, the training time is only a fallback for odd histories.
    private static DateTimeOffset RegisteredAtOf(ModelVersionView view) =>
        view.History.FirstOrDefault(e => e.To == ModelLifecycle.Registered)?.At ?? view.Registration.Lineage.TrainedAt;

    // The last change the view records: a history entry (lifecycle, deployment, tags) or an attached document.
    private static DateTimeOffset UpdatedAtOf(ModelVersionView view)
    {
        var latest = RegisteredAtOf(view);
        foreach (var at in view.History.Select(e => e.At).Concat(view.Documents.IsDefault ? [] : view.Documents.Select(d => d.AttachedAt)))
        {
            latest = at > latest ? at : latest;
        }

        return latest;
    }

    // Sorted keys: the same dictionary always gives the same text.
    private static string Serialize<T>(IReadOnlyDictionary<string, T>? values) =>
        JsonSerializer.Serialize(new SortedDictionary<string, T>(values?.ToDictionary() ?? [], StringComparer.Ordinal), Json);

    private static ImmutableDictionary<string, T> Deserialize<T>(string json) =>
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, JsonSerializer.Deserialize<Dictionary<string, T>>(json, Json) ?? []);
}
