using System.Reflection;
using System.Security.Cryptography;

namespace OrleansMlops.Host.Hosting;

/// <summary>
/// The build writes <c>docs/openapi.json</c> by running this host's entry point under dotnet-getdocument, which builds
/// the application without starting it. The host then describes the production API (no development sign-in) and only
/// needs a configuration that passes validation: a throwaway signing key that never signs anything, the repository's
/// policies and workflows, and a database path outside the checkout (nothing is opened, but its folder would be made).
/// </summary>
internal static class OpenApiDocument
{
    public static bool IsBeingGenerated => Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public static void ConfigureGeneration(ConfigurationManager configuration)
    {
        configuration["Security:Development"] = "false";
        configuration["Security:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var root = RepositoryRoot();
        configuration["Governance:PoliciesPath"] = Path.Combine(root, "policies");
        configuration["Governance:WatchForChanges"] = "false";
        configuration["Workflows:Path"] = Path.Combine(root, "workflows");
        configuration["Storage:Sqlite:DatabasePath"] = Path.Combine(Path.GetTempPath(), "orleans-mlops-openapi", "unused.db");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrleansMlops.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OrleansMlops.sln above '{Directory.GetCurrentDirectory()}': the OpenAPI document is generated inside the repository.");
    }
}
