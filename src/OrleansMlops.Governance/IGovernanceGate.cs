using OrleansMlops.Abstractions.Governance;

namespace OrleansMlops.Governance;

/// <summary>
/// Decides whether a run may take a transition (<c>enter:&lt;stage&gt;</c> or <c>approve</c>). Anything but
/// <see cref="GateOutcome.Allowed"/> must block the transition: a failed or erroring gate fails closed.
/// </summary>
public interface IGovernanceGate
{
    Task<GateDecision> EvaluateAsync(string runId, string? nodeId, GateInput input, CancellationToken cancellationToken);
}
