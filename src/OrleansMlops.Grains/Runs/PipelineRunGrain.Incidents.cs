using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs;

// Incidents: a token stopped by an error someone must fix (a gateway condition that cannot be evaluated, an artifact
// that fails its integrity check). Like a blocked gate, the run shows Blocked and a retry tries the node again.
public sealed partial class PipelineRunGrain
{
    private static IEnumerable<Token> Incidents(ProcessState? process) =>
        process?.Tokens.Where(t => t.Status == TokenStatus.Incident) ?? [];

    /// <summary>The stage cannot go on until someone fixes its cause: spending its retries on a timer would not help.</summary>
    private async Task StopStageAtIncident(ProcessState process, Token token, StageTask task, string error)
    {
        var step = _interpreter!.RaiseIncident(process, token.TokenId, error, clock.UtcNow);
        S.Process = step.State;
        await Commit(
            "stage.incident",
            Actor.System,
            $"Stage {task.Stage} stopped as an incident: {error}. Fix the cause, then retry the run",
            step.Steps,
            new { stage = task.Stage, attempt = token.Attempt, error },
            task.Stage);
    }

    /// <summary>Tries every node stopped by an incident again, in one step: a gateway routes anew, a stage goes back to its gate.</summary>
    private ImmutableArray<TransitionStep> RetryIncidents(ProcessState process)
    {
        var steps = ImmutableArray.CreateBuilder<TransitionStep>();
        foreach (var token in Incidents(process).ToList())
        {
            var step = _interpreter!.RetryIncident(process, token.TokenId, clock.UtcNow);
            process = step.State;
            steps.AddRange(step.Steps);
        }

        S.Process = process;
        return steps.ToImmutable();
    }

    private void LogIncidents(ImmutableArray<TransitionStep> steps)
    {
        foreach (var raised in steps.Where(s => s.Kind == TransitionStepKind.IncidentRaised))
        {
            RunLog.IncidentRaised(logger, RunId, raised.NodeId, raised.Detail);
        }
    }
}
