using OrleansMlops.Governance.Loading;

namespace OrleansMlops.Governance;

/// <summary>The <c>Governance</c> configuration section: where rule sets live, how long a gate may take, what must be governed.</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>Used when <see cref="RequiredTransitions"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> DefaultRequiredTransitions =
        [TransitionName.Enter("train"), TransitionName.Enter("validate"), TransitionName.Approve, TransitionName.Enter("deploy")];

    /// <summary>Folder of <c>*.json</c> rule set files; a relative path resolves against the host's content root.</summary>
    public string PoliciesPath { get; set; } = "policies";

    /// <summary>Reload rule sets when a file in <see cref="PoliciesPath"/> changes (debounced).</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// The longest one gate evaluation may take. A gate that has not decided by then is a governance error (blocked),
    /// never allowed. The load-time safety checks keep real rules in microseconds; this is the backstop.
    /// </summary>
    public TimeSpan EvaluationBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Transitions that must be governed: when no rule set in force declares one of them in its <c>appliesTo</c> (a
    /// pack file was deleted or never shipped), the gate answers with a governance error instead of allowing it.
    /// Null (not configured) means <see cref="DefaultRequiredTransitions"/>.
    /// </summary>
    public string[]? RequiredTransitions { get; set; }

    /// <summary>
    /// Effective dates by rule set id, overriding the file's <c>effectiveFrom</c>/<c>effectiveUntil</c>
    /// (<c>Governance:EffectiveDates:&lt;ruleSetId&gt;:From</c> and <c>:Until</c>, ISO dates). Regulatory dates move;
    /// moving them is configuration, not a new rule set version.
    /// </summary>
    public Dictionary<string, EffectiveDatesOverride> EffectiveDates { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> EffectiveRequiredTransitions => RequiredTransitions ?? DefaultRequiredTransitions;
}
