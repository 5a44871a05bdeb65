using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// What one completed run tells: how long the client waited for it, how many transitions it committed and gates it
/// asked, and the intervals between its consecutive committed transitions.
/// </summary>
/// <remarks>
/// Transition latency is read from the run's own history: each entry is stamped by the engine clock (the real clock
/// here) when the grain commits the transition, just before the durable write. The interval from one entry to the next
/// is what it takes to move the run one transition further: the previous commit's state write, its audit append and
/// projections (run index, decision log), then the next gate evaluation or stage handler, up to the next commit. A
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
