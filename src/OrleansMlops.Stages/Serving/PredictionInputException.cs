namespace OrleansMlops.Stages.Serving;

/// <summary>An applicant's input is missing a feature, has one that is not a finite number in range, or has a field the model does not take.</summary>
public sealed class PredictionInputException : Exception
{
    public PredictionInputException()
    {
    }

    public PredictionInputException(string message)
        : base(message)
    {
    }

    public PredictionInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PredictionInputException(string field, string message)
        : base(message) => Field = field;

    /// <summary>The JSON name of the offending field (e.g. "debtToIncome"); null when the whole input is wrong.</summary>
    public string? Field { get; }
}
