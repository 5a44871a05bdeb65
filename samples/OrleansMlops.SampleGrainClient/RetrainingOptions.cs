using System.ComponentModel.DataAnnotations;

namespace OrleansMlops.SampleGrainClient;

/// <summary>Which workflow to start, how often, on whose behalf, and with which parameters.</summary>
public sealed class RetrainingOptions
{
    public const string Section = "Retraining";

    [Required]
    public string WorkflowId { get; set; } = "credit-risk";

    /// <summary>
    /// The principal the runs are started as. The engine's role directory must give it a role that may start runs
    /// (data-scientist or deployer); it also becomes the run's trainer, so it may not validate or approve them.
    /// </summary>
    [Required]
    public string StartedBy { get; set; } = string.Empty;

    /// <summary>One run per period: the run id names the period, so a restarted service never starts a period twice.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "366.00:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often a started run is looked at until it waits for people or ends.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public Dictionary<string, string> Text { get; set; } = [];

    public Dictionary<string, double> Numbers { get; set; } = [];
}
