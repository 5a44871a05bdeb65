namespace OrleansMlops.ExternalTasks.Contract;

/// <summary>The answer to a completion: applied now, or acknowledged as a duplicate.</summary>
public sealed record CompletionAnswer(string JobId, CompletionOutcome Outcome);
