namespace OrleansMlops.Workflows.Tests;

/// <summary>Where the test data lands: the csproj copies it next to the test assembly.</summary>
internal static class TestFiles
{
    public static string OwnBpmn(string name) => Path.Combine(AppContext.BaseDirectory, "Bpmn", name);

    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static string Workflow(string name) => Path.Combine(AppContext.BaseDirectory, "Workflows", name);

    public static string Read(string path) => File.ReadAllText(path);

    /// <summary>File names (relative, forward slashes, ordinal order) under a folder of the output.</summary>
    public static IReadOnlyList<string> List(string folder, bool includeSubfolders = false)
    {
        var root = Path.Combine(AppContext.BaseDirectory, folder);
        var option = includeSubfolders ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        return [.. Directory.EnumerateFiles(root, "*.bpmn", option)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary><see cref="List"/> as [Theory] data.</summary>
    public static TheoryData<string> Names(string folder, bool includeSubfolders = false) =>
        [.. List(folder, includeSubfolders)];

    /// <summary>
    /// The shared corpus next to the checkout (../shared/bpmn-corpus from the solution directory), or null on a clean
    /// clone where it does not exist.
    /// </summary>
    public static string? SharedCorpusDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrleansMlops.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "bpmn-corpus"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
