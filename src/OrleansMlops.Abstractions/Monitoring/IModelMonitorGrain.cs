using Orleans.Concurrency;

namespace OrleansMlops.Abstractions.Monitoring;

/// <summary>
/// Post-market monitoring of one model in one environment (key: "name/environment", see
/// <see cref="Models.ModelEnvironmentKey"/>). Each report on the live version is a governance decision (transition
/// <c>monitor</c>); a failed rule starts one retraining run, and no second one while it is open. Refusals throw
/// <see cref="MonitoringException"/>.
/// </summary>
[Alias("mlops.IModelMonitorGrain")]
public interface IModelMonitorGrain : IGrainWithStringKey
{
    /// <summary>Judges a report on the version live in the environment; durable before it returns.</summary>
    [Alias("Report")]
    Task<MonitoringOutcome> Report(MonitoringReport report);

    /// <summary>
    /// The recent reports with their outcomes, newest last, and the retraining run still open, if any. Answered while a
    /// report waits for its retraining run to start, but only once a state write under way has finished.
    /// </summary>
    [Alias("GetView")]
    [AlwaysInterleave]
    Task<MonitoringView> GetView();
}
