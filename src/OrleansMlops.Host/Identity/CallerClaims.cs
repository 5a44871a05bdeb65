namespace OrleansMlops.Host.Identity;

internal static class CallerClaims
{
    /// <summary>The principal id: a token's <c>sub</c>, or the service an API key belongs to.</summary>
    public const string Subject = "sub";
}
