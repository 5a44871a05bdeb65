using OrleansMlops.Abstractions.Failures;

namespace OrleansMlops.Abstractions.Runs;

/// <summary>A run refused a command: <see cref="MlopsException{TCode}.Code"/> says why in a way callers can map (HTTP status, exit code).</summary>
[GenerateSerializer, Alias("mlops.RunException")]
public sealed class RunException(RunErrorCode code, string message) : MlopsException<RunErrorCode>(code, message)
{
    public override string Area => "runs";
}
