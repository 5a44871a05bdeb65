using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Governance.Loading;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs;

/// <summary>
/// What completing a user task means for governance, from its attributes: <c>mlops:gate</c> names the transition an
/// approve decision must pass (default <c>approve</c>), <c>mlops:actorRole</c> the part the completing person plays in
/// the run (default <c>approver</c>; also <c>validator</c> for an independent validation review). Only these two parts
/// can be taken through a task: the submitter and trainer are fixed when the run starts, so no workflow can reassign them.
/// </summary>
internal sealed record UserTaskGate(string Gate, string ActorRole)
{
    public const string GateProperty = "gate";

    public const string ActorRoleProperty = "actorRole";

    public const string DefaultGate = "approve";

    public static readonly IReadOnlyList<string> ActorRoles = [RunRoles.Validator, RunRoles.Approver];

    public bool IsValidation => ActorRole == RunRoles.Validator;

    public static UserTaskGate Of(UserTask task)
    {
        var gate = task.Properties.GetValueOrDefault(GateProperty)?.Trim();
        var role = task.Properties.GetValueOrDefault(ActorRoleProperty)?.Trim();
        return new UserTaskGate(string.IsNullOrEmpty(gate) ? DefaultGate : gate, string.IsNullOrEmpty(role) ? RunRoles.Approver : role);
    }

    /// <summary>
    /// Refuses a workflow whose user task names a gate that is not <c>approve</c> or <c>signoff:&lt;name&gt;</c> (no rule
    /// set could ever apply to it, or it belongs to another kind of transition), or would have its completer play a part
    /// other than validator or approver.
    /// </summary>
    public static void Check(ProcessDefinition definition)
    {
        foreach (var task in definition.Nodes.Values.OfType<UserTask>())
        {
            var gate = Of(task).Gate;
            // A person's decision never stands in for a stage entry or a monitoring report.
            if (!TransitionName.IsValid(gate) || gate.StartsWith(TransitionName.EnterPrefix, StringComparison.Ordinal) || gate == TransitionName.Monitor)
            {
                throw new RunException(
                    RunErrorCode.InvalidRequest,
                    $"Workflow '{definition.ProcessId}': user task '{task.Id}' declares mlops:{GateProperty}=\"{gate}\"; "
                    + $"a user task's gate is \"{TransitionName.Approve}\" or \"{TransitionName.SignOffPrefix}<name>\" in lowercase.");
            }

            var role = Of(task).ActorRole;
            if (!ActorRoles.Contains(role, StringComparer.Ordinal))
            {
                throw new RunException(
                    RunErrorCode.InvalidRequest,
                    $"Workflow '{definition.ProcessId}': user task '{task.Id}' declares mlops:{ActorRoleProperty}=\"{role}\"; "
                    + $"a task's completer can only be recorded as {string.Join(" or ", ActorRoles)}.");
            }
        }
    }
}
