namespace OrleansMlops.Abstractions.Monitoring;

public enum MonitoringErrorCode
{
    /// <summary>The report is malformed (no metrics, a non-finite value, a bad name); the message names the field.</summary>
    InvalidReport,

    /// <summary>The reported version is not the one live in the environment (or nothing is live there).</summary>
    NotLive,

    /// <summary>The observation id was reported before with another version or other metrics.</summary>
    ObservationReused,
}
