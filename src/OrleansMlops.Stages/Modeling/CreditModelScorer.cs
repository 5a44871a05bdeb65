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
    public static CreditModelScores Score(byte[] artifact, IReadOnlyList<CreditApplicant> applicants) =>
        Score(Load(artifact), applicants.Select(CreditModelInput.From));

    /// <summary>Loads the model in <paramref name="artifact"/> once, for scoring several row sets.</summary>
    public static LoadedCreditModel Load(byte[] artifact)
    {
        var ml = new MLContext(seed: CreditModelTrainer.Seed);
        try
        {
            using var stream = new MemoryStream(artifact, writable: false);
            return new LoadedCreditModel(ml, ml.Model.Load(stream, out _));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new StageException($"The model artifact could not be loaded as an ML.NET model: {ex.Message}", ex);
        }
    }

    /// <summary>Scores model inputs (already featurised rows, e.g. perturbed ones) with a loaded model.</summary>
    public static CreditModelScores Score(LoadedCreditModel model, IEnumerable<CreditModelInput> rows)
    {
        var (ml, transformer) = model;
        var scored = transformer.Transform(ml.Data.LoadFromEnumerable(rows));
        var metrics = ml.BinaryClassification.Evaluate(scored, nameof(CreditModelInput.Label));
        var predicted = scored.GetColumn<bool>(PredictedLabelColumn).ToArray();
        return new CreditModelScores(metrics.AreaUnderRocCurve, metrics.Accuracy, metrics.F1Score, predicted);
    }
}
