using OrleansMlops.Abstractions.Failures;

namespace OrleansMlops.Abstractions.Monitoring;

public enum MonitoringErrorCode
{
    /// <summary>The report is malformed (no metrics, a non-finite value, a bad name); the message names the field.</summary>
    [Failure(FailureKind.Invalid, "Invalid request")]
    InvalidReport,

    /// <summary>The reported version is not the one live in the environment (or nothing is live there).</summary>
    [Failure(FailureKind.Conflict, "Version not live")]
    NotLive,

    /// <summary>The observation id was reported before with another version or other metrics.</summary>
    [Failure(FailureKind.Conflict, "Observation already reported")]
    ObservationReused,
}
