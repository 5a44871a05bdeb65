namespace OrleansMlops.Abstractions.ExternalTasks;

/// <summary>An external task command refused: which job, which worker, and why.</summary>
[GenerateSerializer, Alias("mlops.ExternalTaskException")]
public sealed class ExternalTaskException : Exception
{
    public ExternalTaskException()
    {
    }

    public ExternalTaskException(string message)
        : base(message)
    {
    }

    public ExternalTaskException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExternalTaskException(ExternalTaskErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    [Id(0)]
    public ExternalTaskErrorCode Code { get; init; } = ExternalTaskErrorCode.InvalidRequest;
}
