using OrleansMlops.Abstractions.Failures;

namespace OrleansMlops.Abstractions.Models;

/// <summary>A lifecycle change a model version refuses: wrong run, wrong order, or not registered.</summary>
[GenerateSerializer, Alias("mlops.ModelVersionException")]
public sealed class ModelVersionException(ModelVersionErrorCode code, string message)
    : MlopsException<ModelVersionErrorCode>(code, message)
{
    public override string Area => "models";
}
