using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs;

public sealed partial class PipelineRunGrain
{
    /// <summary>The run as the command that just committed left it.</summary>
    private RunView View() => ViewOf(S);

    private RunView ViewOf(RunGrainState run)
    {
        var process = run.Process;
        return new RunView(
            RunId,
            StatusOf(run),
            run.Workflow,
            process?.Tokens ?? [],
            [.. OpenTasks(process)],
            process?.Variables ?? ImmutableDictionary<string, Variable>.Empty,
            [.. run.History],
            [.. run.Decisions],
            run.Model,
            run.StartedBy,
            run.Started ? run.StartedAt : null,
            run.Started ? run.UpdatedAt : null,
            process?.EndNodeId,
            Problem(run),
            run.AuditSequence)
        {
            Parameters = run.Parameters,
        };
    }

    private static RunStatus StatusOf(RunGrainState run) => run.Process switch
    {
        null => RunStatus.NotStarted,
        { Status: ProcessStatus.Completed } => RunStatus.Completed,
        { Status: ProcessStatus.Terminated } => RunStatus.Terminated,
        { Status: ProcessStatus.Failed } => RunStatus.Failed,
        { } process when run.BlockedTokens.Count > 0 || Incidents(process).Any() => RunStatus.Blocked,
        { } process when process.Tokens.Any(t => t.Status == TokenStatus.AwaitingGate
            || (t.Status == TokenStatus.Running && !run.ExternalJobs.ContainsKey(t.TokenId))) => RunStatus.Running,
        { } process when process.Tokens.Any(t => t.Status == TokenStatus.Running) => RunStatus.WaitingForWorker,
        { } process when process.Tokens.Any(t => t.Status == TokenStatus.WaitingForUser) => RunStatus.WaitingForUser,
        _ => RunStatus.WaitingForTimer,
    };

    private static string? Problem(RunGrainState run)
    {
        var process = run.Process;
        if (process?.FailureReason is { } failure)
        {
            return failure;
        }

        var blocking = run.Decisions.Where(d => run.BlockedTokens.ContainsValue(d.DecisionId))
            .Select(d => $"Gate {d.Transition} {d.Outcome}: {FailureText(d)}")
            .Concat(Incidents(process).Select(t => $"Incident: {t.Incident}"))
            .ToList();
        return blocking.Count == 0 ? null : string.Join(" | ", blocking);
    }

    private IEnumerable<OpenTask> OpenTasks(ProcessState? process)
    {
        if (process is null || _definition is null)
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
