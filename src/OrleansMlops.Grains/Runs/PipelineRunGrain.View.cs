using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Governance;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs;

public sealed partial class PipelineRunGrain
{
    /// <summary>The run as the command that just committed left it.</summary>
    private Task<RunView> View() => ViewOf(S);

    /// <summary>
    /// The run as <paramref name="run"/> has it, with its latest transitions and decisions read from the audit trail and
    /// the decision log, up to the head <paramref name="run"/> committed.
    /// </summary>
    private async Task<RunView> ViewOf(RunGrainState run)
    {
        var process = run.Process;
        var (history, decisions) = run.Started
            ? (await RecentHistory(run.AuditSequence), await decisionStore.ForRunAsync(RunId, RunHistory.ViewLimit, withInputs: false, CancellationToken.None))
            : ([], []);
        return new RunView(
            RunId,
            StatusOf(run),
            run.Workflow,
            process?.Tokens ?? [],
            [.. OpenTasks(process)],
            process?.Variables ?? ImmutableDictionary<string, Variable>.Empty,
            history,
            [.. decisions],
            run.Model,
            run.StartedBy,
            run.Started ? run.StartedAt : null,
            run.Started ? run.UpdatedAt : null,
            process?.EndNodeId,
            Problem(run, decisions),
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

    private Task<ImmutableArray<HistoryEntry>> RecentHistory(long head) =>
        HistoryPage(Math.Max(0, head - RunHistory.ViewLimit), head, RunHistory.ViewLimit);

    /// <summary>The run's transitions after <paramref name="after"/> through <paramref name="head"/>, at most <paramref name="limit"/>.</summary>
    private async Task<ImmutableArray<HistoryEntry>> HistoryPage(long after, long head, int limit)
    {
        var records = await auditStore.ReadPageAsync(RunId, after, head, limit, CancellationToken.None);
        return [.. records.Select(RunHistory.From)];
    }

    private static string? Problem(RunGrainState run, IReadOnlyList<GateDecision> decisions)
    {
        var process = run.Process;
        if (process?.FailureReason is { } failure)
        {
            return failure;
        }

        var blocking = decisions.Where(d => run.BlockedTokens.ContainsValue(d.DecisionId))
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
