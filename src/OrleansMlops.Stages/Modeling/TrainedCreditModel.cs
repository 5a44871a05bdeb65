namespace OrleansMlops.Stages.Modeling;

/// <summary>A trained model as canonical zip bytes, with its metrics on the training data.</summary>
public sealed record TrainedCreditModel(byte[] ArtifactBytes, double TrainAuc, double TrainAccuracy);
