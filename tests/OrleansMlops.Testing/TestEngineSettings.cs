using System.Globalization;

namespace OrleansMlops.Testing;

/// <summary>
/// The configuration every in-process test host of the engine shares: its own database, artifact store, copy of the
/// policies and development keys in a test directory, a fixed code commit, and free silo ports.
/// </summary>
public static class TestEngineSettings
{
    /// <summary>The commit recorded in lineage; a real-looking one, since the packs refuse an unknown code version.</summary>
    public const string CodeCommit = "6eba5ef4c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6";

    public static IReadOnlyDictionary<string, string> For(TestDirectory directory, string policiesPath) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Storage:Sqlite:DatabasePath"] = directory.File("engine.db"),
            ["Stages:ArtifactDirectory"] = directory.File("artifacts"),
            ["Stages:CodeCommit"] = CodeCommit,
            ["Governance:PoliciesPath"] = policiesPath,
            ["Governance:WatchForChanges"] = "false",
            ["Security:DevelopmentKeyFile"] = directory.File("dev-security.json"),
            ["Orleans:SiloPort"] = TestPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = TestPorts.Free().ToString(CultureInfo.InvariantCulture),
        };

    /// <summary>A principal given roles through Security:Principals, as an operator configures one.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Principal(string id, string unit, params string[] roles) =>
        roles.Select((role, i) => KeyValuePair.Create($"Security:Principals:{id}:Roles:{i}", role))
            .Append(KeyValuePair.Create($"Security:Principals:{id}:Unit", unit));
}
