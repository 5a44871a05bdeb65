using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Identity;

/// <summary>
/// Gives configured principals their roles at start (each principal-role pair once, audited), and in development mode
/// the sample people and services. Runs after the silo has started, before the API serves requests.
/// </summary>
public sealed class DirectorySeeder(
    IGrainFactory grains, IOptions<SecurityOptions> options, SecurityKeys keys, TokenIssuer tokens, ILogger<DirectorySeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var security = options.Value;
        var directory = grains.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key);
        var configured = security.Principals
            .Select(p => new SeededPrincipal(p.Key, [.. p.Value.Roles], p.Value.Unit))
            .ToImmutableArray();
        if (configured.Length > 0)
        {
            await directory.Seed(configured, "configuration (Security:Principals)");
        }

        if (security.Development)
        {
            await directory.Seed([.. SamplePrincipals.People, .. SamplePrincipals.Services], "development mode's sample principals");
            IdentityLog.DevelopmentMode(logger, security.DevelopmentKeyFile);
            PrintDevelopmentCredentials(Console.Out);
        }

        var admins = (await directory.ListPrincipals()).Count(p => p.Roles.Contains(Roles.Admin));
        if (admins < 2)
        {
            IdentityLog.TooFewAdmins(logger, admins);
        }
    }

    /// <summary>
    /// Development only, and straight to the console rather than the log, so credentials never reach a log sink:
    /// a token per sample person and the API key of each sample service.
    /// </summary>
    private void PrintDevelopmentCredentials(TextWriter output)
    {
        output.WriteLine("Development sign-in (tokens valid for {0:%h} h; the studio offers these people as one-click sign-ins):", options.Value.DevelopmentTokenLifetime);
        foreach (var person in SamplePrincipals.People)
        {
            output.WriteLine($"  {person.Id,-8} {string.Join(",", person.Roles),-18} Authorization: Bearer {tokens.Issue(person.Id)}");
        }

        foreach (var (service, key) in keys.Development!.ApiKeys)
        {
            output.WriteLine($"  {service,-26} X-Api-Key: {key}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
