using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Models;

/// <summary>
/// A model version as its changes need it. The lifecycle history is the version's audit stream
/// (<see cref="ModelVersionGrain.AuditStream"/>), one record per event, appended with the change: <see cref="View"/>
/// is stored with an empty <see cref="ModelVersionView.History"/>, so this row does not grow with deployments.
/// </summary>
[GenerateSerializer, Alias("mlops.model-version-state")]
public sealed class ModelVersionState : IChainedAuditState
{
    /// <summary>The view without its history. States stored before the history moved kept it here; activation moves it once.</summary>
    [Id(0)]
    public ModelVersionView? View { get; set; }

    /// <summary>Counts the writes; the registry read model keeps the row with the highest revision.</summary>
    [Id(1)]
    public long Revision { get; set; }

    /// <summary>The latest events, oldest first, so a repeated deployment or removal is recognised without reading the stream.</summary>
    [Id(2)]
    public List<LifecycleEvent> Recent { get; set; } = [];

    [Id(3)]
    public long AuditSequence { get; set; }

    [Id(4)]
    public string? AuditHeadHash { get; set; }
}
