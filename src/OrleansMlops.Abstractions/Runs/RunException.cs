namespace OrleansMlops.Abstractions.Runs;

/// <summary>A run refused a command: <see cref="Code"/> says why in a way callers can map (HTTP status, exit code).</summary>
[GenerateSerializer, Alias("mlops.RunException")]
public sealed class RunException : Exception
{
    public RunException()
    {
    }

    public RunException(string message)
        : base(message)
    {
    }

    public RunException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RunException(RunErrorCode code, string message)
        : base(message) => Code = code;

    [Id(0)]
    public RunErrorCode Code { get; private set; }
}
