using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Grains.Security;

[GenerateSerializer, Alias("mlops.role-directory-state")]
public sealed class RoleDirectoryState : IChainedAuditState
{
    [Id(0)]
    public Dictionary<string, DirectoryEntry> Principals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every request ever made, oldest first; decided ones stay as the record of who decided.</summary>
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
}
