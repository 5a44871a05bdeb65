namespace OrleansMlops.Stages.Serving;

/// <summary>The columns a binary classifier adds when it scores one row (ML.NET's names).</summary>
public sealed class CreditModelOutput
{
    /// <summary>True when default is predicted: the model's own decision, the one the validate stage measures.</summary>
    public bool PredictedLabel { get; set; }

    /// <summary>The raw score (a logit for logistic regression).</summary>
    public float Score { get; set; }

    /// <summary>The calibrated probability of default.</summary>
    public float Probability { get; set; }
}
