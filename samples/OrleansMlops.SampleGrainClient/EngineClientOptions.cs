using System.ComponentModel.DataAnnotations;

namespace OrleansMlops.SampleGrainClient;

/// <summary>
/// Where the engine's cluster is. On one machine (embedded SQLite) the client connects to the silo's gateway port on
/// localhost; on a cluster it finds the gateways in the membership table the silos share in PostgreSQL.
/// </summary>
public sealed class EngineClientOptions
{
    public const string Section = "Engine";

    /// <summary>The engine's Orleans:ClusterId and Orleans:ServiceId: a client joins only a cluster that matches both.</summary>
    [Required]
    public string ClusterId { get; set; } = "orleans-mlops";

    [Required]
    public string ServiceId { get; set; } = "orleans-mlops";

    /// <summary>The engine's Orleans:GatewayPort, used when there is no PostgreSQL connection string.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The engine's Storage:PostgreSql:ConnectionString when it runs as a cluster; a secret, so from the environment.</summary>
    public string? PostgreSqlConnectionString { get; set; }
}
