using System.ComponentModel.DataAnnotations;
using System.Net;

namespace OrleansMlops.Silo.Clustering;

/// <summary>The silo's identity and ports. ServiceId keys stored grain state: keep it stable across restarts.</summary>
public sealed class OrleansHostOptions
{
    public const string Section = "Orleans";

    [Required]
    public string ClusterId { get; set; } = "orleans-mlops";

    [Required]
    public string ServiceId { get; set; } = "orleans-mlops";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address this silo publishes in the membership table, where other silos and clients reach it, and listens on.
    /// Only used when silos cluster through PostgreSQL; set it to the machine's address when silos run on several hosts.
    /// </summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    /// <summary>Failure detection between silos; only used when silos cluster through PostgreSQL.</summary>
    public MembershipTuningOptions Membership { get; set; } = new();

    /// <summary>Problems with the settings a clustered (PostgreSQL) silo uses, each naming its configuration key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            problems.Add($"{Section}:{nameof(ClusterId)} is required.");
        }

        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            problems.Add($"{Section}:{nameof(ServiceId)} is required.");
        }

        foreach (var (key, port) in new[] { (nameof(SiloPort), SiloPort), (nameof(GatewayPort), GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                problems.Add($"{Section}:{key} is {port}, but must be 1 to 65535.");
            }
        }

        if (SiloPort == GatewayPort)
        {
            problems.Add($"{Section}:{nameof(SiloPort)} and {Section}:{nameof(GatewayPort)} are both {SiloPort}; they must differ.");
        }

        if (!IPAddress.TryParse(AdvertisedIPAddress, out _))
        {
            problems.Add($"{Section}:{nameof(AdvertisedIPAddress)} is '{AdvertisedIPAddress}', which is not an IP address (e.g. '10.0.0.5').");
        }

        if (Membership is null)
        {
            problems.Add($"{Section}:{nameof(Membership)} is required.");
        }
        else
        {
            problems.AddRange(Membership.Validate());
        }

        return problems;
    }
}
