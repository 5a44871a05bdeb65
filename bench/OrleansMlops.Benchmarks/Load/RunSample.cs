using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Storage.Decisions;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// What one completed run tells: how long the client waited for it, how many transitions it committed and gates it
/// asked, and the intervals between its consecutive committed transitions.
/// </summary>
/// <remarks>
/// Transition latency is read from the run's own history: each entry is stamped by the engine clock (the real clock
/// here) when the grain commits the transition, just before the durable write. The interval from one entry to the next
/// is what it takes to move the run one transition further: the previous commit's transaction (state, audit record,
/// decisions and index row together), then the next gate evaluation or stage handler, up to the next commit. A
/// run's first entry (run.started) opens the first interval, so n entries give n-1 intervals. Dividing a call's duration
/// by its transitions would not be a latency; this is.
/// </remarks>
internal sealed record RunSample(
    double CallMs,
    int Transitions,
    int GateDecisions,
    int RulesEvaluated,
    double[] TransitionIntervalsMs,
    double[] GateEvaluationsMs)
{
    /// <summary>
    /// A view carries a run's latest 200 transitions and decisions; a longer run's whole history is paged from the grain
    /// and its decisions read from the log (after the measurement, so the reading is not counted).
    /// </summary>
    public static async Task<RunSample> OfAsync(IPipelineRunGrain run, IDecisionStore decisions, RunView view, TimeSpan call)
    {
        if (view.History.Length >= view.Version)
        {
            return Of(view, call);
        }

        List<HistoryEntry> history = [];
        for (var page = await run.GetHistory(0, 1_000); page.Length > 0; page = await run.GetHistory(history[^1].Sequence, 1_000))
        {
            history.AddRange(page);
        }

        var all = await decisions.ForRunAsync(view.RunId, int.MaxValue, withInputs: false, CancellationToken.None);
        return Of(view with { History = [.. history], Decisions = [.. all] }, call);
    }

    public static RunSample Of(RunView view, TimeSpan call)
    {
        var history = view.History;
        var intervals = new double[Math.Max(0, history.Length - 1)];
        for (var i = 1; i < history.Length; i++)
        {
            intervals[i - 1] = (history[i].At - history[i - 1].At).TotalMilliseconds;
        }

        return new RunSample(
            call.TotalMilliseconds,
            history.Length,
            view.Decisions.Length,
            view.Decisions.Sum(d => d.Results.Length),
            intervals,
            [.. view.Decisions.Select(d => d.DurationMs)]);
    }
}
