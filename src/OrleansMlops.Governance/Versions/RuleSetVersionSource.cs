namespace OrleansMlops.Governance.Versions;

/// <summary>How a rule set version came to be activated (<see cref="RuleSetVersionRecord.Source"/>).</summary>
public static class RuleSetVersionSource
{
    /// <summary>A file in the policies folder was found new or changed (at start or by the watcher).</summary>
    public const string File = "file";

    /// <summary>
    /// Through the API: a second compliance author approved a proposal (<c>IRuleSetChangeGrain</c>), and the version
    /// names the approver (the proposal, in the rule set audit trail, names the proposer). Versions recorded before
    /// proposals existed were activated by the one person they name.
    /// </summary>
    public const string Api = "api";

    /// <summary>The <see cref="RuleSetVersionRecord.ActivatedBy"/> of a version taken from a file.</summary>
    public static string FileActor(string fileName) => "file:" + fileName;
}
