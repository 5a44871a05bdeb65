using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML;

namespace OrleansMlops.Stages;

/// <summary>The software a model was trained with, for lineage: the same data and code on another runtime may give other bits.</summary>
internal static class TrainingEnvironment
{
    public static ImmutableDictionary<string, string> Describe() => ImmutableDictionary.CreateRange(
        StringComparer.Ordinal,
        [
            KeyValuePair.Create("runtime", RuntimeInformation.FrameworkDescription),
            KeyValuePair.Create("os", RuntimeInformation.OSDescription),
            KeyValuePair.Create("architecture", RuntimeInformation.ProcessArchitecture.ToString()),
            KeyValuePair.Create("mlnet", MlNetVersion()),
        ]);

    private static string MlNetVersion()
    {
        var version = typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(MLContext).Assembly.GetName().Version?.ToString()
            ?? "unknown";

        // The informational version carries "+<commit>"; the package version is the part before it.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
