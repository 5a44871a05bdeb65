namespace OrleansMlops.Abstractions.Security;

public enum RoleDirectoryErrorCode
{
    InvalidRequest,
    NotPermitted,
    SelfGrant,
    SecondAdminRequired,
    NotFound,
    AlreadyDecided,
}
