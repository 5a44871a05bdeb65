using OrleansMlops.Abstractions.Failures;

namespace OrleansMlops.Abstractions.Security;

/// <summary>The role directory refused an authorization or a role change; <see cref="MlopsException{TCode}.Code"/> says why.</summary>
[GenerateSerializer, Alias("mlops.RoleDirectoryException")]
public sealed class RoleDirectoryException(RoleDirectoryErrorCode code, string message)
    : MlopsException<RoleDirectoryErrorCode>(code, message)
{
    public override string Area => "roles";
}
