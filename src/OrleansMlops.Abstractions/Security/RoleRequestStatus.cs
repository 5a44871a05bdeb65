namespace OrleansMlops.Abstractions.Security;

public enum RoleRequestStatus
{
    Pending,
    Approved,
    Rejected,

    /// <summary>A suspension nobody decided before it lapsed: the principal's roles came back.</summary>
    Lapsed,
}
