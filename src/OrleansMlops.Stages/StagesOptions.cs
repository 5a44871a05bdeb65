namespace OrleansMlops.Stages;

/// <summary>
/// Settings of the ML stages (section <c>Stages</c>). Relative paths resolve against <see cref="BaseDirectory"/>;
/// when it is not set, <c>AddMlopsStages</c> fills it with the host's content root (<c>IHostEnvironment.ContentRootPath</c>),
/// or the current directory when there is no host.
/// </summary>
public sealed class StagesOptions
{
    public const string Section = "Stages";

    public const string DefaultCodeCommit = "unknown";

    /// <summary>Absolute directory against which relative <see cref="DataDirectory"/> and <see cref="ArtifactDirectory"/> resolve.</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>The folder holding train.csv, validation.csv and test.csv.</summary>
    public string DataDirectory { get; set; } = "data/credit";

    /// <summary>The root of the content-addressed artifact store; models go to <c>sha256/&lt;hex&gt;.zip</c> under it.</summary>
    public string ArtifactDirectory { get; set; } = "data/artifacts";

    public string ModelName { get; set; } = "credit-risk";

    /// <summary>
    /// The commit of the training code recorded in lineage; when not configured, <c>MLOPS_CODE_COMMIT</c> or the git
    /// checkout the base directory lies in fills it.
    /// </summary>
    public string CodeCommit { get; set; } = DefaultCodeCommit;

    /// <summary>The absolute form of <paramref name="path"/>, resolving a relative one against <see cref="BaseDirectory"/>.</summary>
    public string ResolvePath(string path) =>
        Path.GetFullPath(path, BaseDirectory ?? Directory.GetCurrentDirectory());

    /// <summary>
    /// <paramref name="fullPath"/> relative to <see cref="BaseDirectory"/> with '/' separators when it lies below it,
    /// so lineage and artifact URIs do not depend on where the checkout is; otherwise the full path.
    /// </summary>
    public string ToPortablePath(string fullPath)
    {
        var relative = Path.GetRelativePath(BaseDirectory ?? Directory.GetCurrentDirectory(), fullPath);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return outside || Path.IsPathRooted(relative)
            ? fullPath
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
