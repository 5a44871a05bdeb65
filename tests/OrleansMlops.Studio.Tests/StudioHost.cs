using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansMlops.Host.Identity;
using OrleansMlops.Testing;

namespace OrleansMlops.Studio.Tests;

/// <summary>
/// The real host on a real port (a browser cannot reach an in-memory test server): repository content root, its own
/// database, artifacts, development keys, silo ports and copy of the policies. Development mode seeds the sample
/// people; <see cref="DataScientistAndValidator"/> is one more, holding both roles, for the independence checks.
/// </summary>
public sealed class StudioHost : WebApplicationFactory<Program>
{
    /// <summary>A person who develops models and also validates (others'): seeded here, not one of the sample people.</summary>
    public const string DataScientistAndValidator = "vince";

    private readonly TestDirectory _directory = new();

    public StudioHost()
    {
        PoliciesPath = _directory.CopyFrom(RepoPaths.Policies, "policies");
        Port = FreePort();
        UseKestrel(Port);
        StartServer();
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string PoliciesPath { get; }

    /// <summary>A bearer token for <paramref name="principal"/>, signed with this host's development key.</summary>
    public string TokenFor(string principal) => Services.GetRequiredService<TokenIssuer>().Issue(principal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepoPaths.Root);
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Sqlite:DatabasePath", _directory.File("engine.db"));
        builder.UseSetting("Stages:ArtifactDirectory", _directory.File("artifacts"));
        builder.UseSetting("Stages:CodeCommit", "6eba5ef4c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6");
        builder.UseSetting("Governance:PoliciesPath", PoliciesPath);
        builder.UseSetting("Governance:WatchForChanges", "false");
        builder.UseSetting("Security:DevelopmentKeyFile", _directory.File("dev-security.json"));
        builder.UseSetting($"Security:Principals:{DataScientistAndValidator}:Roles:0", "data-scientist");
        builder.UseSetting($"Security:Principals:{DataScientistAndValidator}:Roles:1", "validator");
        builder.UseSetting($"Security:Principals:{DataScientistAndValidator}:Unit", "model-validation");
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Urls", BaseUrl);
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
