using System.Collections.Immutable;

namespace OrleansMlops.Abstractions.Models;

/// <summary>
/// What is live of one model in one environment (key: "name/environment", see <see cref="ModelEnvironmentKey"/>), and
/// every change of it. Only runs change it, through their deploy and rollback stages, after their gates passed.
/// </summary>
[Alias("mlops.IModelEnvironmentGrain")]
public interface IModelEnvironmentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes <see cref="DeploymentRequest.Version"/> live and tells the model versions concerned. A request from a run
    /// that already deployed here is acknowledged with its original entry, not applied twice. A rollback must name
    /// the current rollback target.
    /// </summary>
    [Alias("Deploy")]
    Task<DeploymentEntry> Deploy(DeploymentRequest request);

    /// <summary>What is live and the full history; <see cref="GetHistory"/> pages through a long one.</summary>
    [Alias("GetView")]
    Task<ModelEnvironmentView> GetView();

    /// <summary>
    /// Up to <paramref name="limit"/> (1 to <see cref="MaxHistoryPage"/>) entries after the first <paramref name="after"/>,
    /// oldest first: the next page starts after <paramref name="after"/> plus the entries returned.
    /// </summary>
    [Alias("GetHistory")]
    Task<ImmutableArray<DeploymentEntry>> GetHistory(int after, int limit);

    public const int MaxHistoryPage = 1_000;
}
