using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Grains.Workflows;

public sealed class WorkflowCatalogGrain(
    [PersistentState("catalog")] IPersistentState<WorkflowCatalogState> state) : Grain, IWorkflowCatalogGrain
{
    public async Task Add(string workflowId)
    {
        if (state.State.WorkflowIds.Add(workflowId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. state.State.WorkflowIds]);
}
