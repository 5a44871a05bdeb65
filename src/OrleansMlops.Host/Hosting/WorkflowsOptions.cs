using System.ComponentModel.DataAnnotations;

namespace OrleansMlops.Host.Hosting;

/// <summary>Where BPMN files live; each <c>*.bpmn</c> is published at start under its file name (without extension).</summary>
public sealed class WorkflowsOptions
{
    public const string Section = "Workflows";

    [Required]
    public string Path { get; set; } = "workflows";

    public bool PublishOnStart { get; set; } = true;
}
