namespace OrleansMlops.Governance;

/// <summary>Where the rule set files live and whether edits to them are picked up while running.</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>Folder of <c>*.json</c> rule set files; a relative path resolves against the host's content root.</summary>
    public string PoliciesPath { get; set; } = "policies";

    /// <summary>Reload rule sets when a file in <see cref="PoliciesPath"/> changes (debounced).</summary>
    public bool WatchForChanges { get; set; } = true;
}
