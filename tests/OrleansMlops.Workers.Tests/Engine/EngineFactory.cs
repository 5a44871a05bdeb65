using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansMlops.Host.Identity;
using OrleansMlops.Testing;

namespace OrleansMlops.Workers.Tests.Engine;

/// <summary>
/// The real engine (silo, SQLite, governance, HTTP API) in-process behind a test server, with the repository as content
/// root and its own database, artifact folder, development keys, copy of policies/ and silo ports. Workers reach it
/// through <see cref="WebApplicationFactory{TEntryPoint}.Server"/>'s handler, so no port is opened for HTTP.
/// </summary>
/// <remarks>
/// Development mode seeds the sample people and services with generated keys (the hosted worker signs in as
/// sample-worker). One more service, <see cref="ConfiguredService"/>, is set up as outside development: its role from
/// Security:Principals, only its key's SHA-256 in Security:ApiKeys.
/// </remarks>
public sealed class EngineFactory : WebApplicationFactory<Program>
{
    /// <summary>A worker service configured the production way.</summary>
    public const string ConfiguredService = "svc";

    private readonly TestDirectory _directory = new();

    /// <summary>The API key of <see cref="ConfiguredService"/>; the engine knows only its hash.</summary>
    public string ConfiguredServiceKey { get; } = ApiKeys.Generate();

    /// <summary>The key development mode generated for a sample service (sample-worker, credit-monitoring-service, …).</summary>
    public string DevelopmentKey(string service) => Services.GetRequiredService<SecurityKeys>().Development!.ApiKeys[service];

    /// <summary>A bearer token for a person, signed with this engine's development key.</summary>
    public string TokenFor(string person) => Services.GetRequiredService<TokenIssuer>().Issue(person);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepoPaths.Root);
        builder.UseEnvironment("Development");
        foreach (var (key, value) in TestEngineSettings.For(_directory, _directory.CopyFrom(RepoPaths.Policies, "policies"))
            .Concat(TestEngineSettings.Principal(ConfiguredService, "ml-platform", "worker")))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Security:ApiKeys:0:Id", ConfiguredService);
        builder.UseSetting("Security:ApiKeys:0:Sha256", ApiKeys.Hash(ConfiguredServiceKey));
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
