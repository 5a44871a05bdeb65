using OrleansMlops.Abstractions.Failures;

namespace OrleansMlops.Abstractions.ExternalTasks;

/// <summary>An external task command refused: which job, which worker, and why.</summary>
[GenerateSerializer, Alias("mlops.ExternalTaskException")]
public sealed class ExternalTaskException(ExternalTaskErrorCode code, string message)
    : MlopsException<ExternalTaskErrorCode>(code, message)
{
    public override string Area => "external-tasks";
}
