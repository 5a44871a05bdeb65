using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMlops.Testing;

namespace OrleansMlops.Workers.Tests.Engine;

/// <summary>
/// The real engine (silo, SQLite, governance, HTTP API) in-process behind a test server, with the repository as content
/// root and its own database, artifact folder, copy of policies/ and silo ports. Workers reach it through
/// <see cref="WebApplicationFactory{TEntryPoint}.Server"/>'s handler, so no port is opened for HTTP.
/// </summary>
public sealed class EngineFactory : WebApplicationFactory<Program>
{
    private readonly TestDirectory _directory = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepoPaths.Root);
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Sqlite:DatabasePath", _directory.File("engine.db"));
        builder.UseSetting("Stages:ArtifactDirectory", _directory.File("artifacts"));
        builder.UseSetting("Stages:CodeCommit", "6eba5ef4c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6");
        builder.UseSetting("Governance:PoliciesPath", _directory.CopyFrom(RepoPaths.Policies, "policies"));
        builder.UseSetting("Governance:WatchForChanges", "false");
        builder.UseSetting("Orleans:SiloPort", FreePort());
        builder.UseSetting("Orleans:GatewayPort", FreePort());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
