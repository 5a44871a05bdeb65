using OrleansMlops.Abstractions;

namespace OrleansMlops.Host.Identity;

/// <summary>The authenticated caller of this request with the roles the directory gives them, set by <see cref="PermissionFilter"/>.</summary>
public static class Caller
{
    private static readonly object Key = new();

    /// <summary>The caller; an endpoint that reads it without requiring a permission is a bug, and fails closed.</summary>
    public static Actor Of(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(Key, out var actor) && actor is Actor caller
            ? caller
            : throw new InvalidOperationException($"{request.Method} {request.Path} reads its caller but requires no permission.");

    internal static void Set(HttpContext context, Actor actor) => context.Items[Key] = actor;
}
