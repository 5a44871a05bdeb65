namespace OrleansMlops.Abstractions.ExternalTasks;

/// <summary>Whether a completion was applied now, or had been applied before (a duplicate, acknowledged, not applied twice).</summary>
public enum JobCompletionOutcome
{
    Applied,
    AlreadyCompleted,
}
