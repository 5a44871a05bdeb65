using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Grains.Security;

[GenerateSerializer, Alias("mlops.role-directory-state")]
public sealed class RoleDirectoryState : IChainedAuditState
{
    [Id(0)]
    public Dictionary<string, DirectoryEntry> Principals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The pending requests, oldest first; a decided one is read back from its audit record.</summary>
    [Id(1)]
    public List<RoleRequest> Requests { get; set; } = [];

    /// <summary>"principal role" pairs configuration has seeded, so a revoked seeded role is not seeded again.</summary>
    [Id(2)]
    public HashSet<string> Seeded { get; set; } = new(StringComparer.Ordinal);

    [Id(3)]
    public long AuditSequence { get; set; }

    [Id(4)]
    public string? AuditHeadHash { get; set; }

    /// <summary>The request each keyed grant command made (<see cref="RoleGrantCommand.RequestKey"/>), so its retry gets it again.</summary>
    [Id(6)]
    public Dictionary<string, string> RequestIdsByKey { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How many requests were ever made, which numbers the next; 0 in a state that still kept every request.</summary>
    [Id(7)]
    public int RequestsMade { get; set; }
}
