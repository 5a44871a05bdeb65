using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Grains.Runs;

/// <summary>
/// The engine's traces and metrics (source and meter <see cref="Name"/>): a span per gate and per stage, and counters of
/// runs started, completed and blocked, gate failures by rule, and a histogram of transition latency. A run lives for
/// days, longer than any span should, so every span of one run carries the same trace id, derived from the run id:
/// a tracing backend shows the run as one trace.
/// </summary>
public static class RunTelemetry
{
    public const string Name = "OrleansMlops.Engine";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> RunsStarted = Meter.CreateCounter<long>("mlops.runs.started", description: "Runs started.");
    private static readonly Counter<long> RunsCompleted = Meter.CreateCounter<long>("mlops.runs.completed", description: "Runs that reached an end event.");
    private static readonly Counter<long> RunsBlocked = Meter.CreateCounter<long>("mlops.runs.blocked", description: "Transitions a gate refused.");
    private static readonly Counter<long> GateFailures = Meter.CreateCounter<long>("mlops.gate.failures", description: "Failed rules, by rule set and rule.");

    private static readonly Histogram<double> TransitionLatency = Meter.CreateHistogram<double>(
        "mlops.transition.duration",
        unit: "ms",
        description: "From asking the gate, or starting the stage, to the durable commit of the transition.");

    public static void Started(string workflowId) => RunsStarted.Add(1, new KeyValuePair<string, object?>("mlops.workflow", workflowId));

    public static void Completed(string workflowId) => RunsCompleted.Add(1, new KeyValuePair<string, object?>("mlops.workflow", workflowId));

    public static void Decided(GateDecision decision)
    {
        if (!decision.Allows)
        {
            RunsBlocked.Add(1, new KeyValuePair<string, object?>("mlops.transition", decision.Transition));
        }

        foreach (var failed in decision.Results.Where(r => !r.Passed))
        {
            GateFailures.Add(
                1,
                new KeyValuePair<string, object?>("mlops.transition", decision.Transition),
                new KeyValuePair<string, object?>("mlops.rule_set", failed.RuleSetId),
                new KeyValuePair<string, object?>("mlops.rule", failed.RuleName));
        }
    }

    /// <summary>A span for one gate or stage of <paramref name="runId"/>; disposing it records the transition's latency.</summary>
    public static TransitionSpan Transition(string runId, string kind, string name, string nodeId) =>
        new(Source.StartActivity($"{kind} {name}", ActivityKind.Internal, RunContext(runId), [
            new("mlops.run_id", runId),
            new("mlops.node", nodeId),
            new($"mlops.{kind}", name),
        ]), kind);

    /// <summary>The trace of a run: its id from the run id's hash, under a parent span id that is never exported itself.</summary>
    private static ActivityContext RunContext(string runId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(runId));
        return new ActivityContext(
            ActivityTraceId.CreateFromBytes(hash.AsSpan(0, 16)),
            ActivitySpanId.CreateFromBytes(hash.AsSpan(16, 8)),
            ActivityTraceFlags.Recorded);
    }

    public readonly struct TransitionSpan(Activity? activity, string kind) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public void Tag(string key, object? value) => activity?.SetTag(key, value);

        public void Dispose()
        {
            TransitionLatency.Record(Stopwatch.GetElapsedTime(_started).TotalMilliseconds, new KeyValuePair<string, object?>("mlops.kind", kind));
            activity?.Dispose();
        }
    }
}
