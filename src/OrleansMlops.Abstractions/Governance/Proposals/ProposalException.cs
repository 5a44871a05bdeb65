using System.Collections.Frozen;
using OrleansMlops.Abstractions.Failures;

namespace OrleansMlops.Abstractions.Governance.Proposals;

/// <summary>A proposed change to a control was refused; <see cref="MlopsException{TCode}.Code"/> says why, the message names the proposal and the person.</summary>
[GenerateSerializer, Alias("mlops.ProposalException")]
public sealed class ProposalException : MlopsException<ProposalErrorCode>
{
    public ProposalException(ProposalErrorCode code, string message)
        : base(code, message)
    {
    }

    public ProposalException(CandidateRefusal refusal, string message)
        : base(ProposalErrorCode.CandidateRefused, message) => Refusal = refusal;

    [Id(0)]
    public CandidateRefusal? Refusal { get; private set; }

    public override string Area => "proposals";

    /// <summary>Where a refused candidate is at fault, so its author finds the rule to fix.</summary>
    public override IReadOnlyDictionary<string, string?> Facts => Refusal is { } refusal
        ? new Dictionary<string, string?>
        {
            ["phase"] = refusal.Phase,
            ["ruleSet"] = refusal.RuleSetId,
            ["rule"] = refusal.RuleName,
            ["expression"] = refusal.Expression,
            ["reason"] = refusal.Reason,
        }.ToFrozenDictionary()
        : base.Facts;
}

/// <summary>Why a candidate cannot be proposed: the phase that refused it and, where known, the rule and expression at fault.</summary>
[GenerateSerializer, Immutable, Alias("mlops.candidate-refusal")]
public sealed record CandidateRefusal(
    [property: Id(0)] string Phase,
    [property: Id(1)] string Reason,
    [property: Id(2)] string? RuleSetId,
    [property: Id(3)] string? RuleName,
    [property: Id(4)] string? Expression);
