using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Environments;

[GenerateSerializer, Alias("mlops.model-environment-state")]
public sealed class ModelEnvironmentState
{
    /// <summary>Every change of what is live, oldest first; never rewritten.</summary>
    [Id(0)]
    public List<DeploymentEntry> History { get; set; } = [];
}
