using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Models;

/// <summary>
/// One model version (key: "name/version"). Its lifecycle moves registered → validated → approved → deployed → retired,
/// changed only by the run that registered it. Repeating the same change from the same run is acknowledged, not applied twice.
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

    [Alias("MarkDeployed")]
    Task<ModelVersionView> MarkDeployed(string runId, string environment, string actor);

    /// <summary>Attaches evidence; a document already attached (same kind and SHA-256) is acknowledged, not added twice.</summary>
    [Alias("AttachDocuments")]
    Task<ModelVersionView> AttachDocuments(string runId, ImmutableArray<ModelDocument> documents);

    [Alias("Retire")]
    Task<ModelVersionView> Retire(string runId, string actor);

    /// <summary>The version, or null when it was never registered.</summary>
    [Alias("GetView")]
    Task<ModelVersionView?> GetView();
}
