namespace OrleansMlops.Host.Identity;

/// <summary>A service's API key as configured: the principal it authenticates and the key's SHA-256.</summary>
public sealed class ApiKeyEntry
{
    public string Id { get; set; } = string.Empty;

    /// <summary>Lowercase or uppercase hex SHA-256 of the key's UTF-8 bytes.</summary>
    public string Sha256 { get; set; } = string.Empty;
}
