namespace OrleansMlops.Abstractions.Runs;

public enum TaskDecision
{
    Approve,
    Reject,
}
