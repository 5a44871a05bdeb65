namespace OrleansMlops.Abstractions.Stages;

/// <summary>A stage handler failed; the message is recorded on the run and retries follow the task's policy.</summary>
public sealed class StageException : Exception
{
    public StageException()
    {
    }

    public StageException(string message)
        : base(message)
    {
    }

    public StageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The cause lies outside the run and retrying on a timer would not fix it (an artifact that fails its integrity
    /// check or is missing): the run stops at the stage as an incident, which a retry of the run resumes once someone
    /// has fixed it, instead of spending its retries and failing with no way on.
    /// </summary>
    public bool NeedsIntervention { get; init; }
}
