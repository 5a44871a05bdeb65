using System.Collections.Frozen;
using OrleansMlops.Abstractions.Failures;

namespace OrleansMlops.Abstractions.Monitoring;

/// <summary>A monitor refused a report: <see cref="MlopsException{TCode}.Code"/> says why in a way callers can map (HTTP status).</summary>
[GenerateSerializer, Alias("mlops.MonitoringException")]
public sealed class MonitoringException(MonitoringErrorCode code, string message)
    : MlopsException<MonitoringErrorCode>(code, message)
{
    private static readonly FrozenDictionary<string, string?> AtObservationId =
        new Dictionary<string, string?> { ["where"] = "observationId" }.ToFrozenDictionary();

    public override string Area => "monitoring";

    /// <summary>A reused observation is the reporter's to fix by sending a new observationId.</summary>
    public override IReadOnlyDictionary<string, string?> Facts =>
        Code == MonitoringErrorCode.ObservationReused ? AtObservationId : base.Facts;
}
