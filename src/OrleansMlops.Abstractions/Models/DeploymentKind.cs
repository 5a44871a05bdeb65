namespace OrleansMlops.Abstractions.Models;

/// <summary>How a version came to be live in an environment.</summary>
public enum DeploymentKind
{
    /// <summary>A release or promotion: the version replaces whatever was live.</summary>
    Deploy,

    /// <summary>A governed return to the version that was live before the current one.</summary>
    Rollback,
}
