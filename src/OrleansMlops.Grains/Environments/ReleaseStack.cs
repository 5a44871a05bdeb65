using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Grains.Environments;

/// <summary>
/// An environment's history as a stack of releases: a deployment pushes its version (unless it is already on top), a
/// rollback pops the live one. The top is live; the one below is where a rollback returns. So after v1, v2, v3 a first
/// rollback returns to v2 and a second to v1, never back to the version just rolled back from.
/// </summary>
internal static class ReleaseStack
{
    /// <summary>
    /// How many releases deep rollbacks can go. The oldest fall off: the stack is in the state that every deployment
    /// rewrites, and nobody rolls back through a hundred releases one at a time.
    /// </summary>
    public const int Depth = 100;

    public static void Apply(List<int> stack, DeploymentEntry entry)
    {
        if (entry.Kind == DeploymentKind.Rollback && stack.Count > 0)
        {
            stack.RemoveAt(stack.Count - 1);
        }

        if (stack.Count == 0 || stack[^1] != entry.Version)
        {
            stack.Add(entry.Version);
        }

        if (stack.Count > Depth)
        {
            stack.RemoveRange(0, stack.Count - Depth);
        }
    }

    public static (int? Live, int? RollbackTarget) Top(List<int> stack) =>
        (stack.Count > 0 ? stack[^1] : null, stack.Count > 1 ? stack[^2] : null);
}
