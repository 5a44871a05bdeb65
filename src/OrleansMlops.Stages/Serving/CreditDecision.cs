namespace OrleansMlops.Stages.Serving;

/// <summary>What a prediction means for the application; also the outcomes a person may set when overriding it.</summary>
public static class CreditDecision
{
    public const string Approve = "approve";

    public const string Decline = "decline";

    /// <summary>
    /// An applicant is approved when the model predicts no default: the same rule the validate stage uses for approval
    /// rates (<see cref="Modeling.ApprovalDisparity"/>), at the model's own threshold (ML.NET's PredictedLabel,
    /// probability above 0.5), so what is served is what was validated.
    /// </summary>
    public static string Of(bool predictedDefault) => predictedDefault ? Decline : Approve;

    public static bool IsValid(string? outcome) => outcome is Approve or Decline;
}
