namespace OrleansMlops.Abstractions.Security;

public enum RoleDirectoryErrorCode
{
    InvalidRequest,
    NotPermitted,
    SelfGrant,
    SecondAdminRequired,
    NotFound,
    AlreadyDecided,

    /// <summary>The change would leave fewer than two admins able to act, so no grant could be approved again.</summary>
    TooFewAdmins,
}
