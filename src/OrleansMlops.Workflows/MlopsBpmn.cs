namespace OrleansMlops.Workflows;

/// <summary>
/// The XML namespace of our BPMN extension attributes (any prefix, usually <c>mlops:</c>) and their local names.
/// </summary>
public static class MlopsBpmn
{
    public const string Namespace = "http://orleans-mlops.dev/schema/bpmn";

    /// <summary>On a task or serviceTask: the stage handler kind that runs it, e.g. <c>train</c>.</summary>
    public const string Stage = "stage";

    /// <summary>On a stage task: how many extra attempts a failed stage gets (default 0).</summary>
    public const string Retries = "retries";

    /// <summary>On a stage task: the ISO-8601 backoff before the first retry, doubled per attempt (default PT30S).</summary>
    public const string RetryBackoff = "retryBackoff";

    /// <summary>On a userTask: comma-separated roles allowed to complete it.</summary>
    public const string CandidateRoles = "candidateRoles";

    /// <summary>On the process: comma-separated roles allowed to start a run of it (default: anyone allowed to start runs).</summary>
    public const string StartRoles = "startRoles";

    /// <summary>On a userTask: the boolean variable its completion sets (default <c>approved</c>).</summary>
    public const string OutcomeVariable = "outcomeVariable";
}
