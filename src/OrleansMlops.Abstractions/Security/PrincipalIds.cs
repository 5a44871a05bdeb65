namespace OrleansMlops.Abstractions.Security;

/// <summary>What a principal id may look like: a user name, an e-mail address or a service name.</summary>
public static class PrincipalIds
{
    public const int MaxLength = 128;

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@');
}
