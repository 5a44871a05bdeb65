namespace OrleansMlops.Abstractions.Models;

public enum ModelLifecycle
{
    Registered,
    Validated,
    Approved,
    Deployed,
    Retired,
}
