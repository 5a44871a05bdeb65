namespace OrleansMlops.Abstractions.Security;

public enum RoleRequestStatus
{
    Pending,
    Approved,
    Rejected,
}
