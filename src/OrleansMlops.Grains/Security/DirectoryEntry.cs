namespace OrleansMlops.Grains.Security;

[GenerateSerializer, Alias("mlops.directory-entry")]
public sealed class DirectoryEntry
{
    [Id(0)]
    public SortedSet<string> Roles { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public string? Unit { get; set; }
}
