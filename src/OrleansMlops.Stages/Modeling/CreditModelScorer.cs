using Microsoft.ML;
using Microsoft.ML.Data;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Data;

namespace OrleansMlops.Stages.Modeling;

/// <summary>Scores labelled applicants with a saved model.</summary>
public static class CreditModelScorer
{
    private const string PredictedLabelColumn = "PredictedLabel";

    /// <summary>Scores with the model in <paramref name="artifact"/>; a default is predicted when its score is above ML.NET's default threshold (probability 0.5).</summary>
    public static CreditModelScores Score(byte[] artifact, IReadOnlyList<CreditApplicant> applicants)
    {
        var ml = new MLContext(seed: CreditModelTrainer.Seed);
        ITransformer model;
        try
        {
            using var stream = new MemoryStream(artifact, writable: false);
            model = ml.Model.Load(stream, out _);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new StageException($"The model artifact could not be loaded as an ML.NET model: {ex.Message}", ex);
        }

        var scored = model.Transform(ml.Data.LoadFromEnumerable(applicants.Select(CreditModelInput.From)));
        var metrics = ml.BinaryClassification.Evaluate(scored, nameof(CreditModelInput.Label));
        var predicted = scored.GetColumn<bool>(PredictedLabelColumn).ToArray();
        return new CreditModelScores(metrics.AreaUnderRocCurve, metrics.Accuracy, metrics.F1Score, predicted);
    }
}
