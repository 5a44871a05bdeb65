using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using OrleansMlops.Testing;

namespace OrleansMlops.Host.Tests;

/// <summary>
/// The real host (silo, SQLite, governance, stages, HTTP API) in-process, with the repository as content root so it
/// publishes workflows/, and its own copy of policies/ (activation through the API writes there, never into the
/// repository), database, artifact folder and silo ports.
/// </summary>
public sealed class EngineHostFactory : WebApplicationFactory<Program>
{
    private readonly TestDirectory _directory = new();

    public EngineHostFactory() => PoliciesPath = _directory.CopyFrom(RepoPaths.Policies, "policies");

    /// <summary>Principals the tests need beside the sample people of development mode, given their roles through configuration.</summary>
    public static readonly (string Principal, string[] Roles, string Unit)[] TestPrincipals =
    [
        ("mallory", ["data-scientist", "validator", "approver"], "retail-credit-analytics"),
        ("dan", ["credit-officer"], "retail-lending"),
        ("svc", ["worker"], "ml-platform"),
        ("r-service", ["worker"], "ml-platform"),
    ];

    /// <summary>What the host logged, through Serilog to its logger providers.</summary>
    public LogCapture Logs { get; } = new();

    public string DatabasePath => _directory.File("engine.db");

    public string PoliciesPath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepoPaths.Root);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Sqlite:DatabasePath", DatabasePath);
        builder.UseSetting("Stages:ArtifactDirectory", _directory.File("artifacts"));
        builder.UseSetting("Stages:CodeCommit", "6eba5ef4c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6");
        builder.UseSetting("Governance:PoliciesPath", PoliciesPath);
        builder.UseSetting("Governance:WatchForChanges", "false");
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Api:MaxRequestBodyBytes", "65536");
        builder.UseSetting("Security:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("Security:DevelopmentKeyFile", _directory.File("dev-security.json"));
        foreach (var (principal, roles, unit) in TestPrincipals)
        {
            for (var i = 0; i < roles.Length; i++)
            {
                builder.UseSetting($"Security:Principals:{principal}:Roles:{i}", roles[i]);
            }

            builder.UseSetting($"Security:Principals:{principal}:Unit", unit);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
