using Microsoft.ML;
using Microsoft.ML.Trainers;
using OrleansMlops.Stages.Artifacts;
using OrleansMlops.Stages.Data;

namespace OrleansMlops.Stages.Modeling;

/// <summary>Trains the credit-risk model: feature concatenation, mean-variance normalisation, L-BFGS logistic regression.</summary>
public static class CreditModelTrainer
{
    public const int Seed = 1;

    internal const string FeaturesColumn = "Features";

    public static TrainedCreditModel Train(IReadOnlyList<CreditApplicant> applicants, TrainingParameters parameters)
    {
        var ml = new MLContext(seed: Seed);
        var data = ml.Data.LoadFromEnumerable(applicants.Select(CreditModelInput.From));
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(CreditModelInput.Label),
            FeatureColumnName = FeaturesColumn,
            L1Regularization = parameters.L1,
            L2Regularization = parameters.L2,
            MaximumNumberOfIterations = parameters.MaxIterations,

            // One thread: parallel gradient sums could add in a different order and change the weights' last bits.
            NumberOfThreads = 1,
        });
        var pipeline = ml.Transforms.Concatenate(FeaturesColumn, CreditModelInput.FeatureColumns)
            .Append(ml.Transforms.NormalizeMeanVariance(FeaturesColumn))
            .Append(trainer);

        var model = pipeline.Fit(data);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(data), nameof(CreditModelInput.Label));

        using var saved = new MemoryStream();
        ml.Model.Save(model, data.Schema, saved);
        return new TrainedCreditModel(DeterministicZip.Canonicalize(saved.ToArray()), metrics.AreaUnderRocCurve, metrics.Accuracy);
    }
}
