namespace OrleansMlops.Abstractions.Monitoring;

public enum MonitoringOutcomeKind
{
    /// <summary>Every monitoring rule passed; nothing happens.</summary>
    Allowed,

    /// <summary>A rule failed and no retraining run of this monitor was open: one was started.</summary>
    RetrainingStarted,

    /// <summary>A rule failed while a retraining run this monitor started is still open: none is started.</summary>
    RetrainingAlreadyOpen,

    /// <summary>The gate could not decide (governance error); nothing is started, as for any transition that fails closed.</summary>
    GovernanceError,

    /// <summary>A rule failed, but the retraining run refused to start (e.g. its workflow is gone); the reason is kept.</summary>
    RetrainingRefused,
}
