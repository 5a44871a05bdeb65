using System.Collections.Immutable;
using Orleans.Concurrency;

namespace OrleansMlops.Abstractions.Models;

/// <summary>
/// One model version (key: "name/version"). Its lifecycle moves registered → validated → approved → deployed → retired,
/// changed only by the run that registered it, except deployments, which environments record for any run. Repeating the same change from the same run is acknowledged, not applied twice.
/// </summary>
[Alias("mlops.IModelVersionGrain")]
public interface IModelVersionGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task<ModelVersionView> Register(string runId, ModelRegistration registration, string actor);

    [Alias("MarkValidated")]
    Task<ModelVersionView> MarkValidated(string runId, ImmutableDictionary<string, double> metrics, string actor);

    [Alias("MarkApproved")]
    Task<ModelVersionView> MarkApproved(string runId, string approver);

    /// <summary>
    /// Called by the environment grain once <paramref name="entry"/> made this version live in
    /// <paramref name="environment"/>: the first deployment makes an approved version Deployed. Idempotent per entry.
    /// </summary>
    [Alias("RecordDeployment")]
    Task<ModelVersionView> RecordDeployment(string environment, DeploymentEntry entry);

    /// <summary>Called by the environment grain once <paramref name="entry"/> replaced this version there. Idempotent per entry.</summary>
    [Alias("RecordRemoval")]
    Task<ModelVersionView> RecordRemoval(string environment, DeploymentEntry entry);

    /// <summary>Attaches evidence; a document already attached (same kind and SHA-256) is acknowledged, not added twice.</summary>
    [Alias("AttachDocuments")]
    Task<ModelVersionView> AttachDocuments(string runId, ImmutableArray<ModelDocument> documents);

    [Alias("Retire")]
    Task<ModelVersionView> Retire(string runId, string actor);

    /// <summary>
    /// Replaces the version's tags (<see cref="ModelRegistration.Tags"/>), recorded in its history with the current
    /// lifecycle; the same set again is acknowledged without a new entry.
    /// </summary>
    /// <exception cref="ArgumentException">A tag breaks <see cref="ModelTags"/>' rule.</exception>
    /// <exception cref="ModelVersionException">The version is not registered.</exception>
    [Alias("SetTags")]
    Task<ModelVersionView> SetTags(ImmutableArray<string> tags, string actor);

    /// <summary>The version, or null when it was never registered.</summary>
    [Alias("GetView")]
    [ReadOnly]
    Task<ModelVersionView?> GetView();

    /// <summary>
    /// Up to <paramref name="limit"/> (1 to <see cref="MaxHistoryPage"/>) lifecycle events after the first
    /// <paramref name="after"/>, oldest first: the next page starts after <paramref name="after"/> plus the events returned.
    /// </summary>
    [Alias("GetHistory")]
    [ReadOnly]
    Task<ImmutableArray<LifecycleEvent>> GetHistory(int after, int limit);

    public const int MaxHistoryPage = 1_000;
}
