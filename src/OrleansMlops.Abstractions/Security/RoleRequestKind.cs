namespace OrleansMlops.Abstractions.Security;

/// <summary>What a role request changes once a second admin approves it.</summary>
public enum RoleRequestKind
{
    /// <summary>Give the principal the role (the default, so requests stored before kinds existed read as grants).</summary>
    Grant,

    /// <summary>Take the role away from the principal.</summary>
    Revoke,

    /// <summary>
    /// Every role of the principal stopped at once; approving it revokes them, rejecting it lifts it, and unless
    /// decided it lapses at <see cref="RoleRequest.LapsesAt"/>, giving the roles back.
    /// </summary>
    Suspension,
}
