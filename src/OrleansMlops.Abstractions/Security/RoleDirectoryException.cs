namespace OrleansMlops.Abstractions.Security;

/// <summary>The role directory refused an authorization or a role change; <see cref="Code"/> says why.</summary>
[GenerateSerializer, Alias("mlops.RoleDirectoryException")]
public sealed class RoleDirectoryException : Exception
{
    public RoleDirectoryException()
    {
    }

    public RoleDirectoryException(string message)
        : base(message)
    {
    }

    public RoleDirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RoleDirectoryException(RoleDirectoryErrorCode code, string message)
        : base(message) => Code = code;

    [Id(0)]
    public RoleDirectoryErrorCode Code { get; private set; }
}
