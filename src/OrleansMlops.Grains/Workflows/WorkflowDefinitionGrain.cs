using System.Collections.Immutable;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Workflows;

/// <summary>
/// Keeps every published version of one workflow. Versions are never changed or removed, so a run pinned to a version
/// can always load exactly the document it started with.
/// </summary>
public sealed class WorkflowDefinitionGrain(
    [PersistentState("definition")] IPersistentState<WorkflowDefinitionState> state,
    WorkflowDefinitionCache cache,
    EngineClock clock) : Grain, IWorkflowDefinitionGrain
{
    public async Task<PublishResult> Publish(string bpmnXml, string publishedBy)
    {
        ProcessDefinition definition;
        try
        {
            definition = cache.Parse(bpmnXml);
        }
        catch (WorkflowDefinitionException e)
        {
            return new PublishResult(null, false, e.Problems);
        }

        var existing = state.State.Versions.Find(v => v.Info.ContentHash == definition.ContentHash);
        if (existing is not null)
        {
            return new PublishResult(existing.Info, false, []);
        }

        var info = new WorkflowVersionInfo(
            this.GetPrimaryKeyString(),
            state.State.Versions.Count + 1,
            definition.ContentHash,
            definition.ProcessId,
            definition.Name,
            clock.UtcNow,
            publishedBy);
        state.State.Versions.Add(new StoredWorkflowVersion(info, bpmnXml));
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IWorkflowCatalogGrain>(0).Add(info.WorkflowId);
        return new PublishResult(info, true, ImmutableArray<WorkflowProblem>.Empty);
    }

    public Task<IReadOnlyList<WorkflowVersionInfo>> GetVersions() =>
        Task.FromResult<IReadOnlyList<WorkflowVersionInfo>>([.. state.State.Versions.Select(v => v.Info)]);

    public Task<string?> GetDocument(int? version)
    {
        var versions = state.State.Versions;
        var stored = version is null
            ? versions.LastOrDefault()
            : versions.Find(v => v.Info.Version == version);
        return Task.FromResult(stored?.Document);
    }
}
