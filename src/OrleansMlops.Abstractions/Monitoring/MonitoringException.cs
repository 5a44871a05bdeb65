namespace OrleansMlops.Abstractions.Monitoring;

/// <summary>A monitor refused a report: <see cref="Code"/> says why in a way callers can map (HTTP status).</summary>
[GenerateSerializer, Alias("mlops.MonitoringException")]
public sealed class MonitoringException : Exception
{
    public MonitoringException()
    {
    }

    public MonitoringException(string message)
        : base(message)
    {
    }

    public MonitoringException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MonitoringException(MonitoringErrorCode code, string message)
        : base(message) => Code = code;

    [Id(0)]
    public MonitoringErrorCode Code { get; private set; }
}
