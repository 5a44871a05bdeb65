using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace OrleansMlops.Silo.Clustering;

public static class SiloClusterExtensions
{
    /// <summary>
    /// Identity, endpoints and failure detection of a silo that finds its peers through the shared membership table
    /// (PostgreSQL mode) instead of localhost clustering: it advertises <see cref="OrleansHostOptions.AdvertisedIPAddress"/>
    /// with its silo and gateway ports, and declares silent peers dead as <see cref="OrleansHostOptions.Membership"/> says.
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static ISiloBuilder UseMlopsClusterNetwork(this ISiloBuilder silo, OrleansHostOptions orleans)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(orleans);
        var problems = orleans.Validate();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(OrleansHostOptions.Section, typeof(OrleansHostOptions), problems);
        }

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = orleans.ClusterId;
            options.ServiceId = orleans.ServiceId;
        });
        silo.ConfigureEndpoints(IPAddress.Parse(orleans.AdvertisedIPAddress), orleans.SiloPort, orleans.GatewayPort);
        silo.Configure<ClusterMembershipOptions>(orleans.Membership.ApplyTo);
        return silo;
    }
}
