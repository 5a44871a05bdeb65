namespace OrleansMlops.Testing;

/// <summary>Locations in the repository, found by walking up from the test binaries to the solution file.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Workflows => Path.Combine(Root, "workflows");

    public static string Policies => Path.Combine(Root, "policies");

    public static string CreditData => Path.Combine(Root, "data", "credit");

    public static string Workflow(string workflowId) => Path.Combine(Workflows, workflowId + ".bpmn");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansMlops.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No OrleansMlops.sln above {AppContext.BaseDirectory}.");
    }
}
