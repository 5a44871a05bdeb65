namespace OrleansMlops.Abstractions.Governance.Proposals;

/// <summary>A proposed change to a control was refused; <see cref="Code"/> says why, the message names the proposal and the person.</summary>
[GenerateSerializer, Alias("mlops.ProposalException")]
public sealed class ProposalException : Exception
{
    public ProposalException()
    {
    }

    public ProposalException(string message)
        : base(message)
    {
    }

    public ProposalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProposalException(ProposalErrorCode code, string message)
        : base(message) => Code = code;

    public ProposalException(CandidateRefusal refusal, string message)
        : base(message)
    {
        Code = ProposalErrorCode.CandidateRefused;
        Refusal = refusal;
    }

    [Id(0)]
    public ProposalErrorCode Code { get; private set; }

    [Id(1)]
    public CandidateRefusal? Refusal { get; private set; }
}

/// <summary>Why a candidate cannot be proposed: the phase that refused it and, where known, the rule and expression at fault.</summary>
[GenerateSerializer, Immutable, Alias("mlops.candidate-refusal")]
public sealed record CandidateRefusal(
    [property: Id(0)] string Phase,
    [property: Id(1)] string Reason,
    [property: Id(2)] string? RuleSetId,
    [property: Id(3)] string? RuleName,
    [property: Id(4)] string? Expression);
