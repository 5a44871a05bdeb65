namespace OrleansMlops.Stages.Tests.Support;

/// <summary>Locates the checkout from the test binaries, so tests can read the committed data set.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string CreditDataDirectory => System.IO.Path.Combine(Path, "data", "credit");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "OrleansMlops.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OrleansMlops.sln above '{AppContext.BaseDirectory}'.");
    }
}
