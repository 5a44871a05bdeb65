using OrleansMlops.Testing;

namespace OrleansMlops.Resilience.Tests;

/// <summary>
/// What every host process of one test shares: the database (a SQLite file, or a PostgreSQL database for a cluster),
/// the artifact store and the development keys, in a temporary directory that outlives the processes.
/// </summary>
public sealed class EngineDeployment : IDisposable
{
    private readonly TestDirectory _directory = new();
    private readonly Dictionary<string, NodePorts> _nodes = new(StringComparer.Ordinal);

    private EngineDeployment(Dictionary<string, string> storage)
    {
        ConnectionString = storage.GetValueOrDefault("Storage:PostgreSql:ConnectionString");
        Settings = new Dictionary<string, string>(storage, StringComparer.Ordinal)
        {
            ["Stages:ArtifactDirectory"] = _directory.File("artifacts"),
            ["Stages:CodeCommit"] = TestEngineSettings.CodeCommit,
            ["Governance:WatchForChanges"] = "false",
            ["Security:Development"] = "true",
            ["Security:DevelopmentKeyFile"] = _directory.File("dev-security.json"),
            ["Security:SigningKey"] = Tokens.SigningKey,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
    }

    /// <summary>The configuration every host started from now on gets, as environment variables.</summary>
    public Dictionary<string, string> Settings { get; }

    /// <summary>The PostgreSQL database the hosts share (their membership table too), or null on SQLite.</summary>
    public string? ConnectionString { get; }

    public static EngineDeployment Sqlite()
    {
        var deployment = new EngineDeployment(new Dictionary<string, string>(StringComparer.Ordinal) { ["Storage:Provider"] = "Sqlite" });
        deployment.Settings["Storage:Sqlite:DatabasePath"] = deployment._directory.File("engine.db");
        return deployment;
    }

    public static async Task<EngineDeployment> PostgreSqlAsync()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync("resilience");
        return new EngineDeployment(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:PostgreSql:ConnectionString"] = connectionString,
        });
    }

    public static Task<EngineDeployment> For(string database) =>
        database == "PostgreSql" ? PostgreSqlAsync() : Task.FromResult(Sqlite());

    /// <summary>Starts (or restarts) the host of node <paramref name="node"/>, always on that node's ports.</summary>
    public Task<HostProcess> StartHostAsync(string node)
    {
        if (!_nodes.TryGetValue(node, out var ports))
        {
            ports = NodePorts.Allocate(node);
            _nodes[node] = ports;
        }

        return HostProcess.StartAsync(ports, Settings);
    }

    public void Dispose() => _directory.Dispose();
}
