using System.Collections.Immutable;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.ExternalTasks;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Grains.Runs;

/// <summary>
/// The durable state of one run, written with every transition: only what execution needs (tokens, variables, timers,
/// open jobs, the audit head), so its size does not grow with the run's length.
/// </summary>
[GenerateSerializer, Alias("mlops.run-grain-state")]
public sealed class RunGrainState
{
    [Id(0)]
    public WorkflowVersionRef? Workflow { get; set; }

    [Id(1)]
    public ProcessState? Process { get; set; }

    [Id(2)]
    public Actor? StartedBy { get; set; }

    [Id(3)]
    public DateTimeOffset StartedAt { get; set; }

    [Id(4)]
    public DateTimeOffset UpdatedAt { get; set; }

    // Ids 5 and 6 held the history and the decisions, which the audit trail and the decision log keep (RunHistory).

    [Id(8)]
    public long AuditSequence { get; set; }

    [Id(9)]
    public string AuditHeadHash { get; set; } = string.Empty;

    [Id(10)]
    public ModelVersionKey? Model { get; set; }

    /// <summary>Who played which part in this run: "trainer", "validator", "approver".</summary>
    [Id(11)]
    public Dictionary<string, Actor> Actors { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tokens whose gate refused entry, with the refusing decision id; cleared by a retry.</summary>
    [Id(12)]
    public Dictionary<string, string> BlockedTokens { get; set; } = new(StringComparer.Ordinal);

    [Id(13)]
    public List<ModelEffect> ModelEffects { get; set; } = [];

    /// <summary>Metric thresholds declared at start (<c>threshold.auc.min</c> → "auc.min"), see <see cref="RunThresholds"/>.</summary>
    [Id(14)]
    public Dictionary<string, double> Thresholds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Metrics the validate stage measured, awaiting the independent validator's sign-off; the sign-off hands them to
    /// the model version (MarkValidated). Gates see them overlaid on the training metrics meanwhile.
    /// </summary>
    [Id(15)]
    public Dictionary<string, double> MeasuredMetrics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The approver signed off and the model card and Annex IV documentation are still to be generated, frozen and
    /// recorded (set in the approval's commit, cleared in the commit that records their hashes).
    /// </summary>
    [Id(16)]
    public bool EvidenceOwed { get; set; }

    /// <summary>The external job each running stage token waits for (by token id), until a worker's outcome arrives.</summary>
    [Id(17)]
    public Dictionary<string, ExternalJob> ExternalJobs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The parameters of the start request, kept as given (the process variables change as stages run).</summary>
    [Id(18)]
    public ImmutableDictionary<string, Variable> Parameters { get; set; } = ImmutableDictionary<string, Variable>.Empty;

    /// <summary>The workflow version the start request asked for (null: the latest), so a repeated start can be told from another.</summary>
    [Id(20)]
    public int? RequestedVersion { get; set; }

    public bool Started => Process is not null;
}
