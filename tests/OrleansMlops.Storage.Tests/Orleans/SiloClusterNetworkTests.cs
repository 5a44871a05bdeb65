using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansMlops.Silo.Clustering;

namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>What a silo clustering through PostgreSQL takes from the "Orleans" section: identity, endpoints, failure detection.</summary>
public sealed class SiloClusterNetworkTests
{
    private static OrleansHostOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>() ?? new OrleansHostOptions();

    [Fact]
    public void The_silo_advertises_the_configured_address_and_detects_failures_fast_by_default()
    {
        var orleans = Bind(new()
        {
            ["Orleans:ClusterId"] = "prod",
            ["Orleans:ServiceId"] = "mlops",
            ["Orleans:SiloPort"] = "12000",
            ["Orleans:GatewayPort"] = "32000",
            ["Orleans:AdvertisedIPAddress"] = "10.0.0.5",
            ["Orleans:Membership:TableRefreshTimeout"] = "00:00:05",
        });
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.UseMlopsClusterNetwork(orleans));
        using var host = builder.Build();

        var cluster = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        var endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        var membership = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        Assert.Equal(("prod", "mlops"), (cluster.ClusterId, cluster.ServiceId));
        Assert.Equal((IPAddress.Parse("10.0.0.5"), 12000, 32000), (endpoints.AdvertisedIPAddress, endpoints.SiloPort, endpoints.GatewayPort));
        Assert.Equal(
            (TimeSpan.FromSeconds(1), 2, 1, TimeSpan.FromSeconds(5)),
            (membership.ProbeTimeout, membership.NumMissedProbesLimit, membership.NumVotesForDeathDeclaration, membership.TableRefreshTimeout));
    }

    [Fact]
    public void Invalid_settings_name_their_keys()
    {
        var orleans = Bind(new()
        {
            ["Orleans:GatewayPort"] = "11111",
            ["Orleans:AdvertisedIPAddress"] = "silo-1.local",
            ["Orleans:Membership:ProbeTimeout"] = "00:00:00",
            ["Orleans:Membership:NumVotesForDeathDeclaration"] = "0",
        });
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();

        var error = Assert.Throws<OptionsValidationException>(() => { builder.UseOrleans(silo => silo.UseMlopsClusterNetwork(orleans)); });

        Assert.Collection(
            error.Failures,
            f => Assert.StartsWith("Orleans:SiloPort and Orleans:GatewayPort are both 11111", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Orleans:AdvertisedIPAddress is 'silo-1.local', which is not an IP address", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Orleans:Membership:ProbeTimeout is 00:00:00, but must be", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Orleans:Membership:NumVotesForDeathDeclaration is 0, but must be 1 to 10", f, StringComparison.Ordinal));
    }
}
