namespace OrleansMlops.Grains.Security;

[GenerateSerializer, Alias("mlops.directory-entry")]
public sealed class DirectoryEntry
{
    /// <summary>The roles held, including while suspended (they come back when a suspension lapses or is lifted).</summary>
    [Id(0)]
    public SortedSet<string> Roles { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public string? Unit { get; set; }

    /// <summary>The pending suspension request that stops every role until <see cref="SuspendedUntil"/>, if any.</summary>
    [Id(2)]
    public string? SuspensionRequestId { get; set; }

    [Id(3)]
    public DateTimeOffset? SuspendedUntil { get; set; }

    public bool IsSuspendedAt(DateTimeOffset now) => SuspendedUntil > now;
}
