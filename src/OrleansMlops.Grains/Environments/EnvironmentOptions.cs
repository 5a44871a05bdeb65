namespace OrleansMlops.Grains.Environments;

/// <summary>
/// How records are kept in one deployment environment, as named options: <c>Environments:&lt;name&gt;:PredictionLoggingEnabled</c>
/// and <c>Environments:&lt;name&gt;:LogRetentionDays</c> (the name is the <c>mlops:environment</c> of a task, e.g. "production").
/// An environment that is not configured logs no predictions and retains nothing, which the governance gate reports
/// for any high-risk deployment (AI Act Art. 12, 19).
/// </summary>
public sealed class EnvironmentOptions
{
    public const string Section = "Environments";

    public const int MaxLogRetentionDays = 36_500;

    /// <summary>Every prediction of a deployed model is logged (timestamp, version, input reference, output, overriding person).</summary>
    public bool PredictionLoggingEnabled { get; set; }

    /// <summary>How long prediction and audit logs are kept in this environment, in days.</summary>
    public int LogRetentionDays { get; set; }

    /// <summary>
    /// The environment a version must be live in before it is released here (e.g. "staging" for "production"), so
    /// promotion follows dev → staging → production; the gate sees it as <c>input.Environment.PromoteFrom</c>.
    /// </summary>
    public string? PromoteFrom { get; set; }
}
