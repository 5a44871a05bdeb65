using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Identity;

/// <summary>Endpoint metadata: what a caller must be allowed to call it (null: only signed in).</summary>
public sealed record RequiredPermission(Permission? Permission);
