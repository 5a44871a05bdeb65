using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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

    public string DatabasePath => _directory.File("engine.db");

    public string PoliciesPath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepoPaths.Root);
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Sqlite:DatabasePath", DatabasePath);
        builder.UseSetting("Stages:ArtifactDirectory", _directory.File("artifacts"));
        builder.UseSetting("Stages:CodeCommit", "6eba5ef4c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6");
        builder.UseSetting("Governance:PoliciesPath", PoliciesPath);
        builder.UseSetting("Governance:WatchForChanges", "false");
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Api:MaxRequestBodyBytes", "65536");
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
