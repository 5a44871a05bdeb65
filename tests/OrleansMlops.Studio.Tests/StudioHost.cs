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
        Port = TestPorts.Free();
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
        foreach (var (key, value) in TestEngineSettings.For(_directory, PoliciesPath)
            .Concat(TestEngineSettings.Principal(DataScientistAndValidator, "model-validation", "data-scientist", "validator")))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Urls", BaseUrl);
        builder.UseSetting("Dashboard:Enabled", "true");
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
