namespace OrleansMlops.Benchmarks.Load;

/// <summary>
/// The configuration the harness gives AddMlopsEngine, with the keys the host reads (see EngineCluster in the grain
/// tests): the shipped policies copied next to the harness, a scratch directory for the stage options the engine
/// validates at start, the staging environment the release deploys to, and the review period of validated versions.
/// </summary>
internal static class EngineSettings
{
    /// <summary>A real-looking commit: the packs refuse a model whose code version is unknown.</summary>
    public const string CodeCommit = "6eba5ef4c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6";

    /// <summary>The environment bench-release.bpmn deploys to.</summary>
    public const string DeployEnvironment = "staging";

    public static string PoliciesPath => Path.Combine(AppContext.BaseDirectory, "policies");

    public static Dictionary<string, string?> For(string directory) => new(StringComparer.Ordinal)
    {
        ["Governance:PoliciesPath"] = PoliciesPath,
        ["Governance:WatchForChanges"] = "false",
        // The real stage handlers are replaced by no-op ones (see StageHandlerReplacement), but the stage options are
        // still validated at start, so they get a scratch directory.
        ["Stages:BaseDirectory"] = directory,
        ["Stages:DataDirectory"] = Path.Combine(directory, "data"),
        ["Stages:ArtifactDirectory"] = Path.Combine(directory, "artifacts"),
        ["Stages:ModelName"] = "bench",
        ["Stages:CodeCommit"] = CodeCommit,
        // AI-12 and AI-19 need prediction logging and six months of logs; no PromoteFrom, so REL-1 (promotion path) passes
        // for a version not live anywhere yet.
        [$"Environments:{DeployEnvironment}:PredictionLoggingEnabled"] = "true",
        [$"Environments:{DeployEnvironment}:LogRetentionDays"] = "365",
        // MRM-4 at enter:deploy: the version's revalidation falls due a year after its validation.
        ["Models:RevalidationPeriod"] = "365.00:00:00",
    };
}
