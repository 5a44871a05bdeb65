using Microsoft.ML;
using OrleansMlops.Stages.Modeling;

namespace OrleansMlops.Stages.Serving;

/// <summary>
/// A verified model ready to score single applicants. ML.NET's PredictionEngine keeps per-call buffers and is not
/// thread-safe, so calls take turns on one engine: scoring a row takes microseconds, far less than logging it.
/// </summary>
public sealed class ServingModel
{
    private readonly Lock _gate = new();
    private readonly PredictionEngine<CreditModelInput, CreditModelOutput> _engine;

    public ServingModel(ServedModelKey key, LoadedCreditModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Key = key;
        _engine = model.Ml.Model.CreatePredictionEngine<CreditModelInput, CreditModelOutput>(model.Transformer);
    }

    public ServedModelKey Key { get; }

    public CreditPrediction Predict(CreditApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var input = application.ToModelInput();
        CreditModelOutput output;
        lock (_gate)
        {
            output = _engine.Predict(input);
        }

        return new CreditPrediction(output.Score, output.Probability, CreditDecision.Of(output.PredictedLabel));
    }
}
