namespace OrleansMlops.Stages.Modeling;

/// <summary>How a model did on a labelled data set, and its decision per row (true: predicted to default).</summary>
public sealed record CreditModelScores(double Auc, double Accuracy, double F1, IReadOnlyList<bool> PredictedDefault);
