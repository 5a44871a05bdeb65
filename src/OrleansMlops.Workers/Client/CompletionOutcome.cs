namespace OrleansMlops.Workers;

/// <summary>Whether a completion was applied now, or acknowledged as a repeat of one applied before.</summary>
public enum CompletionOutcome
{
    Applied,
    AlreadyCompleted,
}
