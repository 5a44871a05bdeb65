namespace OrleansMlops.Stages;

/// <summary>Names of the run variables the stages output; BPMN gateway conditions refer to them.</summary>
public static class StageVariables
{
    public const string ArtifactSha256 = "model.artifactSha256";

    public const string TrainAuc = "trainAuc";

    public const string Auc = "auc";

    public const string Disparity = "disparity";

    public const string DeployedEnvironment = "deployedEnvironment";

    /// <summary>How many evidence documents the evidence stage collected.</summary>
    public const string EvidenceDocuments = "evidence.documents";

    /// <summary>Validation AUC minus the AUC on the same rows with perturbed features (AI Act Art. 15 robustness).</summary>
    public const string RobustnessAucDrop = "robustness.aucDrop";
}
