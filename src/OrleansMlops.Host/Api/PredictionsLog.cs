namespace OrleansMlops.Host.Api;

internal static partial class PredictionsLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Error,
        Message = "Prediction {PredictionId} of {ModelName}/{ModelVersion} in {Environment} was withheld: the inference log did not store it")]
    public static partial void NotLogged(ILogger logger, Exception exception, string predictionId, string modelName, int modelVersion, string environment);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information,
        Message = "{OverriddenBy} overrode prediction {PredictionId} with {Outcome}")]
    public static partial void Overridden(ILogger logger, string overriddenBy, string predictionId, string outcome);
}
