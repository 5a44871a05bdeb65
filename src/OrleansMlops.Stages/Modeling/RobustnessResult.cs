namespace OrleansMlops.Stages.Modeling;

/// <summary>AUC on clean and on perturbed rows; <paramref name="AucDrop"/> is clean minus perturbed (positive: worse under noise).</summary>
public sealed record RobustnessResult(double CleanAuc, double PerturbedAuc, double AucDrop, double NoiseScale);
