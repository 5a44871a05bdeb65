namespace OrleansMlops.Governance.Versions;

/// <summary>How a rule set version came to be activated (<see cref="RuleSetVersionRecord.Source"/>).</summary>
public static class RuleSetVersionSource
{
    /// <summary>A file in the policies folder was found new or changed (at start or by the watcher).</summary>
    public const string File = "file";

    /// <summary>A person activated it through the API (<c>RuleSetCatalog.ActivateAsync</c>).</summary>
    public const string Api = "api";

    /// <summary>The <see cref="RuleSetVersionRecord.ActivatedBy"/> of a version taken from a file.</summary>
    public static string FileActor(string fileName) => "file:" + fileName;
}
