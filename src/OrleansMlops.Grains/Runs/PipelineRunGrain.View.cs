using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs;

public sealed partial class PipelineRunGrain
{
    private RunView View()
    {
        var process = S.Process;
        return new RunView(
            RunId,
            StatusOf(process),
            S.Workflow,
            process?.Tokens ?? [],
            [.. OpenTasks()],
            process?.Variables ?? ImmutableDictionary<string, Variable>.Empty,
            [.. S.History],
            [.. S.Decisions],
            S.Model,
            S.StartedBy,
            S.Started ? S.StartedAt : null,
            S.Started ? S.UpdatedAt : null,
            process?.EndNodeId,
            Problem(process),
            S.AuditSequence)
        {
            Parameters = S.Parameters,
        };
    }

    private RunStatus StatusOf(ProcessState? process) => process switch
    {
        null => RunStatus.NotStarted,
        { Status: ProcessStatus.Completed } => RunStatus.Completed,
        { Status: ProcessStatus.Terminated } => RunStatus.Terminated,
        { Status: ProcessStatus.Failed } => RunStatus.Failed,
        _ when S.BlockedTokens.Count > 0 || Incidents(process).Any() => RunStatus.Blocked,
        _ when process.Tokens.Any(t => t.Status == TokenStatus.AwaitingGate
            || (t.Status == TokenStatus.Running && !S.ExternalJobs.ContainsKey(t.TokenId))) => RunStatus.Running,
        _ when process.Tokens.Any(t => t.Status == TokenStatus.Running) => RunStatus.WaitingForWorker,
        _ when process.Tokens.Any(t => t.Status == TokenStatus.WaitingForUser) => RunStatus.WaitingForUser,
        _ => RunStatus.WaitingForTimer,
    };

    private string? Problem(ProcessState? process)
    {
        if (process?.FailureReason is { } failure)
        {
            return failure;
        }

        var blocking = S.Decisions.Where(d => S.BlockedTokens.ContainsValue(d.DecisionId))
            .Select(d => $"Gate {d.Transition} {d.Outcome}: {FailureText(d)}")
            .Concat(Incidents(process).Select(t => $"Incident: {t.Incident}"))
            .ToList();
        return blocking.Count == 0 ? null : string.Join(" | ", blocking);
    }

    private IEnumerable<OpenTask> OpenTasks()
    {
        if (S.Process is not { } process || _definition is null)
        {
            yield break;
        }

        foreach (var token in process.Tokens.Where(t => t.Status == TokenStatus.WaitingForUser))
        {
            var task = (UserTask)_definition.Nodes[token.NodeId];
            var deadline = process.Timers
                .Where(t => t.TokenId == token.TokenId && t.Kind == TimerKind.Boundary)
                .Select(t => (DateTimeOffset?)t.DueAt)
                .Min();
            yield return new OpenTask(task.Id, task.Name, task.CandidateRoles, deadline);
        }
    }
}
