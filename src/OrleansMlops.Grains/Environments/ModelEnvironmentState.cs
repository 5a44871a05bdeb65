using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Environments;

/// <summary>
/// What a deployment needs to be decided: the release stack and the latest entries. The full history is the
/// environment's audit stream (<see cref="ModelEnvironmentGrain.AuditStream"/>), one record per entry, appended with
/// the change, so this row stays the same size however many deployments there are.
/// </summary>
[GenerateSerializer, Alias("mlops.model-environment-state")]
public sealed class ModelEnvironmentState : IChainedAuditState
{
    /// <summary>
    /// The history as states stored it before it moved to the audit stream; appended there once on activation and
    /// emptied (<see cref="ModelEnvironmentGrain.OnActivateAsync"/>).
    /// </summary>
    [Id(0)]
    public List<DeploymentEntry> History { get; set; } = [];

    /// <summary>The releases a rollback can return through, oldest first (<see cref="ReleaseStack"/>).</summary>
    [Id(1)]
    public List<int> Releases { get; set; } = [];

    /// <summary>The latest entries, oldest first, so a run repeating its request after a crash finds its entry.</summary>
    [Id(2)]
    public List<DeploymentEntry> Recent { get; set; } = [];

    [Id(3)]
    public long AuditSequence { get; set; }

    [Id(4)]
    public string? AuditHeadHash { get; set; }
}
