using Orleans.Concurrency;
using OrleansMlops.Abstractions.Audit;

namespace OrleansMlops.Abstractions.Runs;

/// <summary>
/// One pipeline run (key: run id). Every acknowledged command is durable: state and its audit records are persisted
/// before the call returns. Refusals throw <see cref="RunException"/>.
/// </summary>
[Alias("mlops.IPipelineRunGrain")]
public interface IPipelineRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run; the call returns when the run first waits (a person, a timer, a block) or ends.</summary>
    [Alias("Start")]
    Task<RunView> Start(StartRunRequest request);

    /// <summary>
    /// The run as it stands; answered even while a stage is running (reads never wait for work), but only once a state
    /// write under way has finished, so it shows no transition that is not yet durable.
    /// </summary>
    [Alias("GetView")]
    [AlwaysInterleave]
    Task<RunView> GetView();

    /// <summary>
    /// The run as its gates see it (variables as text, who played which part, thresholds), with no node or stage: what a
    /// decision about the run's model version after the run (a monitoring report) is judged with.
    /// </summary>
    [Alias("GetGateFacts")]
    [AlwaysInterleave]
    Task<Governance.GateRunFacts> GetGateFacts();

    /// <summary>Approves or rejects an open user task. An approval passes the gate first; a refused approval changes nothing.</summary>
    [Alias("CompleteTask")]
    Task<RunView> CompleteTask(CompleteTaskRequest request);

    /// <summary>Evaluates the gates of a blocked run again (after the rules or facts were fixed).</summary>
    [Alias("Retry")]
    Task<RunView> Retry(Actor actor);

    /// <summary>
    /// Delivers a worker's result for the external job of a stage (from the topic's queue). A job the run already
    /// completed, or no longer waits for, is acknowledged without effect, so repeated delivery is safe.
    /// </summary>
    [Alias("CompleteExternalJob")]
    Task<RunView> CompleteExternalJob(string jobId, ExternalTasks.JobCompletion completion);

    /// <summary>The external job of a stage failed with no retries left: the stage fails (and is retried as the BPMN says).</summary>
    [Alias("FailExternalJob")]
    Task<RunView> FailExternalJob(string jobId, string workerId, string error);

    /// <summary>
    /// One page of the run's history, oldest first: up to <paramref name="limit"/> (1 to 1,000) committed transitions
    /// after sequence <paramref name="afterSequence"/>. A view carries only the latest transitions; this pages through all.
    /// </summary>
    [Alias("GetHistory")]
    [AlwaysInterleave]
    Task<System.Collections.Immutable.ImmutableArray<HistoryEntry>> GetHistory(long afterSequence, int limit);

    /// <summary>Checks the stored audit chain against the run's own head, as the last finished state write left it.</summary>
    [Alias("VerifyAudit")]
    [AlwaysInterleave]
    Task<AuditVerification> VerifyAudit();
}
