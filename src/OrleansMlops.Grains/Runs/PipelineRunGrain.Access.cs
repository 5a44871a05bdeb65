using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Grains.Security;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs;

// Who may act on a run, decided by the role directory rather than by the roles a command claims.
public sealed partial class PipelineRunGrain
{
    private async Task<Actor> Authorize(Actor claimed, Permission permission)
    {
        try
        {
            return await GrainFactory.Authorize(claimed, permission);
        }
        catch (RoleDirectoryException refused) when (refused.Code == RoleDirectoryErrorCode.NotPermitted)
        {
            throw new RunException(RunErrorCode.NotPermitted, refused.Message);
        }
    }

    /// <summary>A workflow may narrow who starts it (<c>mlops:startRoles</c>): releases are started by deployers only.</summary>
    private static void RequireStartRole(Actor starter, string workflowId, ProcessDefinition workflow)
    {
        if (workflow.StartRoles.Length > 0 && !workflow.StartRoles.Any(starter.HasRole) && !starter.HasRole(AccessGuard.EngineRole))
        {
            throw new RunException(
                RunErrorCode.NotPermitted,
                $"Workflow '{workflowId}' is started by {string.Join(" or ", workflow.StartRoles)}; "
                + $"'{starter.Id}' holds {string.Join(", ", starter.Roles.DefaultIfEmpty("none"))}.");
        }
    }
}
