using OrleansMlops.Abstractions.Monitoring;
using OrleansMlops.Abstractions.Runs;

namespace OrleansMlops.Grains.Monitoring;

/// <summary>The durable state of one model's monitor in one environment, written whole on every report.</summary>
[GenerateSerializer, Alias("mlops.model-monitor-state")]
public sealed class ModelMonitorState
{
    /// <summary>
    /// The latest reports with their outcomes, oldest first. Bounded (<see cref="MonitoringLimits.KeptReports"/>) because
    /// the state is rewritten on every report; every decision stays in the decision log.
    /// </summary>
    [Id(0)]
    public List<MonitoringOutcome> Reports { get; set; } = [];

    /// <summary>Reports received so far; numbers report ids, never reused.</summary>
    [Id(1)]
    public long Sequence { get; set; }

    /// <summary>Retraining runs started so far; numbers their deterministic run ids.</summary>
    [Id(2)]
    public int RetrainingRunsStarted { get; set; }

    /// <summary>The retraining run started last while it has not finished; no other is started meanwhile.</summary>
    [Id(3)]
    public string? OpenRetrainingRunId { get; set; }

    /// <summary>
    /// A retraining run recorded as started but whose start is not known to have happened (a crash in between); started
    /// again with the same id and request, which the run grain answers with AlreadyStarted if it got it the first time.
    /// </summary>
    [Id(4)]
    public StartRunRequest? PendingStart { get; set; }
}
