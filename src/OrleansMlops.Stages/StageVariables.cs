namespace OrleansMlops.Stages;

/// <summary>Names of the run variables the stages output; BPMN gateway conditions refer to them.</summary>
public static class StageVariables
{
    public const string ArtifactSha256 = "model.artifactSha256";

    public const string TrainAuc = "trainAuc";

    public const string Auc = "auc";

    public const string Disparity = "disparity";

    public const string DeployedEnvironment = "deployedEnvironment";
}
