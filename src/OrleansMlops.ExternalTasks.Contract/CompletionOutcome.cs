namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>Whether a completion was applied now, or acknowledged as a repeat of one applied before (JSON: "applied", "alreadyCompleted").</summary>
public enum CompletionOutcome
{
    Applied,
    AlreadyCompleted,
}
