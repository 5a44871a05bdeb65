using Microsoft.Extensions.Hosting;

namespace OrleansMlops.Governance.Hosting;

/// <summary>Resolves <see cref="GovernanceOptions.PoliciesPath"/> the same way for validation and for loading.</summary>
internal static class PoliciesDirectory
{
    public static string Resolve(string policiesPath, IHostEnvironment? environment) =>
        Path.GetFullPath(policiesPath, environment?.ContentRootPath ?? Directory.GetCurrentDirectory());
}
