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
}
