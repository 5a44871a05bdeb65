namespace OrleansMlops.Host.Identity;

public sealed class SeededPrincipalOptions
{
    public List<string> Roles { get; set; } = [];

    public string? Unit { get; set; }
}
