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
    private static readonly KeyValuePair<string, string>[] TestPrincipals =
    [
        .. TestEngineSettings.Principal("mallory", "retail-credit-analytics", "data-scientist", "validator", "approver"),
        .. TestEngineSettings.Principal("dan", "retail-lending", "credit-officer"),
        .. TestEngineSettings.Principal("svc", "ml-platform", "worker"),
        .. TestEngineSettings.Principal("r-service", "ml-platform", "worker"),
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
        foreach (var (key, value) in TestEngineSettings.For(_directory, PoliciesPath).Concat(TestPrincipals))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Api:MaxRequestBodyBytes", "65536");
        builder.UseSetting("Security:SigningKey", TestTokens.SigningKey);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }
}
