using System.ComponentModel.DataAnnotations;

namespace OrleansMlops.Host.Operations;

/// <summary>
/// The Orleans dashboard. Off unless asked for: it profiles every grain call and shows grain state, so an operator
/// turns it on knowingly, and only people holding the operator role may open it.
/// </summary>
public sealed class ClusterDashboardOptions
{
    public const string Section = "Dashboard";

    public bool Enabled { get; set; }

    /// <summary>Where the host serves it: one path segment of its own, not one the API, studio or probes use.</summary>
    [RegularExpression(
        "^/(?!(api|studio|health|openapi)$)[a-z0-9-]+$",
        ErrorMessage = "Dashboard:Path must be one path segment such as /dashboard (lower-case letters, digits, dashes), other than /api, /studio, /health and /openapi.")]
    public string Path { get; set; } = "/dashboard";

    /// <summary>How long a browser session, opened with a bearer token, lasts; roles are checked again on every request.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "08:00:00", ErrorMessage = "Dashboard:SessionLifetime must be between 1 minute and 8 hours.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
