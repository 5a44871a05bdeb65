using System.Text.Json.Nodes;
using OrleansMlops.Cli.Output;

namespace OrleansMlops.Cli.Commands;

/// <summary>Where a run stands for someone waiting on it: still moving, or stopped (and whether that is good news).</summary>
public sealed record RunOutcome(bool Settled, int ExitCode, string Description)
{
    public static RunOutcome Of(JsonNode? run)
    {
        var id = run.Text("runId");
        var status = run.Text("status");
        return status switch
        {
            "completed" => new(true, ExitCodes.Success, $"Run {id} completed{At(run.Text("endNodeId"))}."),
            "waitingForUser" => new(true, ExitCodes.Success, $"Run {id} is waiting for a user task: {Tasks(run)}."),
            // A refusing gate or an incident: either way someone fixes the cause and retries the run.
            "blocked" => new(true, ExitCodes.NegativeOutcome, $"Run {id} is blocked: {run.Text("problem") ?? "see its decisions"}. Fix the cause, then retry it (POST /api/runs/{id}/retry)."),
            "failed" => new(true, ExitCodes.NegativeOutcome, $"Run {id} failed: {run.Text("problem") ?? "see its history"}."),
            "terminated" => new(true, ExitCodes.NegativeOutcome, $"Run {id} was cancelled (terminated){At(run.Text("endNodeId"))}."),
            _ => new(false, ExitCodes.Success, $"Run {id} is {status}."),
        };
    }

    private static string At(string? endNode) => endNode is null ? string.Empty : $" at {endNode}";

    private static string Tasks(JsonNode? run) => string.Join("; ", run.Items("openTasks").Select(task =>
        $"{task.Text("taskId")} ({task.Text("name") ?? "unnamed"}; roles: {task.List("candidateRoles") ?? "-"})"));
}
